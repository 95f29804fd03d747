/**
 * Mask an API key for display: keeps a short recognisable prefix and the last 4 characters.
 * @example maskApiKey('sk-ant-api03-abcdefgh1234') // 'sk-ant-…1234'
 */
export function maskApiKey(key: string): string {
  const tail = key.slice(-4);
  const prefix = key.startsWith('sk-ant-') ? 'sk-ant-' : '';
  return `${prefix}…${tail}`;
}
