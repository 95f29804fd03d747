import { createHash } from 'node:crypto';

interface MessageParam {
  readonly role?: unknown;
  readonly content?: unknown;
}

/** The text of a message's content: a string, or the `text` of each block or part. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((block: unknown) => (typeof block === 'object' && block !== null && 'text' in block ? String(block.text) : '')).join('');
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && name in body ? (body as Record<string, unknown>)[name] : undefined;
}

/** The messages of a Messages or Chat Completions request body. */
export function messagesOf(body: unknown): MessageParam[] {
  const messages = field(body, 'messages');
  return Array.isArray(messages) ? (messages as MessageParam[]) : [];
}

/** The text of the last user message of a request body. */
export function lastUserText(body: unknown): string {
  const lastUser = [...messagesOf(body)].reverse().find((message) => message.role === 'user');
  return lastUser === undefined ? '' : contentText(lastUser.content);
}

/** The request's `model`, or `fallback`. */
export function requestModel(body: unknown, fallback: string): string {
  const model = field(body, 'model');
  return typeof model === 'string' ? model : fallback;
}

/** A rough token count (4 characters a token), enough for realistic `usage` numbers. */
export function approximateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A stable hash of a request body (SHA-256 of its canonical JSON, or of the raw text when it is
 * not JSON): two calls with the same parameters hash alike whatever their key order.
 */
export function requestBodyHash(body: unknown, rawText = ''): string {
  const text = body === undefined ? `raw:${rawText}` : canonicalJson(body);
  return createHash('sha256').update(text).digest('hex');
}

/** Parses JSON, or undefined. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
