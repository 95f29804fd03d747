import { nodeCrypto } from '../node-crypto.js';

/** Hex digits kept of the SHA-256 of a file's bytes (128 bits: collisions are not a concern). */
const REVISION_HEX_LENGTH = 32;

/** A library file's revision: the first 128 bits of the SHA-256 of its bytes, in hex. */
export function revisionOf(bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex').slice(0, REVISION_HEX_LENGTH);
}

/** What a revision looks like (for request schemas). */
export const REVISION_PATTERN = `^[0-9a-f]{${REVISION_HEX_LENGTH}}$`;
