import type * as NodeCrypto from 'node:crypto';

/**
 * `node:crypto`, loaded on first use. Loading it costs about 5 ms, a few percent of the sidecar's
 * start, and nothing on the way to the first `/health` needs it (tokens and hashes are for
 * later requests), so the modules the sidecar starts with call this instead of importing it.
 */
export function nodeCrypto(): typeof NodeCrypto {
  return process.getBuiltinModule('node:crypto');
}
