/** Recognisable key prefixes kept when masking (Anthropic, OpenAI project and legacy keys), longest first. */
const KEY_PREFIXES = ['sk-ant-', 'sk-proj-', 'sk-'] as const;

/**
 * Mask an API key for display: keeps a known prefix and the last 4 characters.
 * @example maskApiKey('sk-ant-api03-abcdefgh1234') // 'sk-ant-…1234'
 * @example maskApiKey('sk-proj-abcdefgh9876') // 'sk-proj-…9876'
 */
export function maskApiKey(key: string): string {
  const prefix = KEY_PREFIXES.find((candidate) => key.startsWith(candidate)) ?? '';
  return `${prefix}…${key.slice(-4)}`;
}
