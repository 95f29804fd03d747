import { nodeCrypto } from '../node-crypto.js';
import { RUN_ID_PATTERN } from '../contract/run.js';

const RUN_ID_REGEX = new RegExp(RUN_ID_PATTERN);
const MAX_COUNTER = 0xffff;

/** Whether `value` has the shape of a run id (24 lowercase hex digits). */
export function isRunId(value: string): boolean {
  return RUN_ID_REGEX.test(value);
}

/**
 * Makes run ids: 12 hex digits of milliseconds, 4 of a counter, 8 random. Its only state is its
 * own last id, so ids made by one generator strictly increase even within one millisecond or if
 * the clock steps back; it never looks at a stored id (a planted one cannot push it anywhere).
 */
export function createIdGenerator(now: () => number = Date.now): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    let ms = Math.max(now(), lastMs);
    counter = ms === lastMs ? counter + 1 : 0;
    if (counter > MAX_COUNTER) {
      ms += 1;
      counter = 0;
    }
    lastMs = ms;
    return `${ms.toString(16).padStart(12, '0').slice(-12)}${counter.toString(16).padStart(4, '0')}${nodeCrypto().randomBytes(4).toString('hex')}`;
  };
}
