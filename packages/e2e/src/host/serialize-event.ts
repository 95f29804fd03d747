/** Longest text kept per log line or exit line sent to the runner. */
export const MAX_FORWARDED_LINE = 240;
/** Last output lines of an exit kept in the history. */
export const MAX_FORWARDED_LAST_LINES = 5;

function clip(text: string): string {
  return text.length > MAX_FORWARDED_LINE ? `${text.slice(0, MAX_FORWARDED_LINE)}…` : text;
}

/** Turns a value into plain JSON data: errors keep name, message and code; long strings are cut. */
export function toPlain(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: clip(value.message), ...(typeof code === 'string' ? { code } : {}) };
  }
  if (typeof value === 'string') return clip(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
  if (depth > 3) return '[nested]';
  if (Array.isArray(value)) return value.slice(-MAX_FORWARDED_LAST_LINES).map((v) => toPlain(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'function') out[k] = toPlain(v, depth + 1);
  return out;
}

/** Serialises a supervisor event payload for the IPC channel. */
export function serializeEvent(data: unknown): Record<string, unknown> {
  const plain = toPlain(data);
  return typeof plain === 'object' && plain !== null && !Array.isArray(plain) ? (plain as Record<string, unknown>) : { value: plain };
}
