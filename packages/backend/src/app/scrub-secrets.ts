/** Removes every occurrence of each secret from a text before it is sent or logged. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>(
    (scrubbed, secret) => (secret === undefined || secret.length < 4 ? scrubbed : scrubbed.split(secret).join('[REDACTED]')),
    text,
  );
}
