import { createHash } from 'node:crypto';
import type { ResolvedRequest } from '../contract/spec.js';

/** Bumped whenever the canonical form changes, so old answers are never matched to new requests by accident. */
const HASH_VERSION = 'sentinel-request-v1';

/** JSON with object keys sorted and `undefined` members dropped: equal requests give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The key of the answer journal and the response cache: SHA-256 (hex) of the fully resolved
 * request in canonical JSON. Two requests that would send the same bytes' meaning to the same
 * provider and model get the same hash, whatever order their fields were built in.
 */
export function hashResolvedRequest(request: ResolvedRequest): string {
  return createHash('sha256').update(HASH_VERSION).update('\n').update(canonicalJson(request)).digest('hex');
}
