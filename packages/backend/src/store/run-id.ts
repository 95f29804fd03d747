import { RUN_ID_PATTERN } from '../contract/run.js';

const RUN_ID_REGEX = new RegExp(RUN_ID_PATTERN);
const MAX_COUNTER = 0xffff;

/** Whether `value` has the shape of a run id (24 lowercase hex digits). */
export function isRunId(value: string): boolean {
  return RUN_ID_REGEX.test(value);
}

/** 8 hex digits from Math.random. */
const randomHex8 = (): string => Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');

/**
 * Makes run ids: 12 hex digits of milliseconds, 4 of a counter, 8 random. Its only state is its
 * own last id, so ids made by one generator strictly increase even within one millisecond or if
 * the clock steps back; it never looks at a stored id (a planted one cannot push it anywhere).
 * The random part only tells apart ids two generators made in the same millisecond (ids are not
 * secrets: the API lists them), so it is Math.random's (V8 seeds it from the OS in each process):
 * loading node:crypto for it cost `sentinel run` about 10 ms before its first model call.
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
    return `${ms.toString(16).padStart(12, '0').slice(-12)}${counter.toString(16).padStart(4, '0')}${randomHex8()}`;
  };
}
