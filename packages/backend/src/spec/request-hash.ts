import { nodeCrypto } from '../node-crypto.js';
import type { ResolvedRequest } from '../contract/spec.js';

/**
 * JSON with object keys sorted at every level and `undefined` members left out: the same value
 * always gives the same text, whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Bumped whenever the canonical form changes, so stored answers are never matched to other requests by accident. */
const HASH_VERSION = 'sentinel-request-v1';

/** sha256 (hex) of the canonical JSON of a fully resolved request: the key of its stored answers. */
export function requestHash(request: ResolvedRequest): string {
  return nodeCrypto().createHash('sha256').update(`${HASH_VERSION}\n`).update(canonicalJson(request), 'utf8').digest('hex');
}
