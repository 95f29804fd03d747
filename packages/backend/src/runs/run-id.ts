import { randomBytes } from 'node:crypto';

/** A run id: 12 hex digits of milliseconds, 4 of a per-millisecond counter, 8 random; sorts by time. */
export const RUN_ID_PATTERN = '^[0-9a-f]{24}$';
const RUN_ID_REGEX = new RegExp(RUN_ID_PATTERN);

/** Whether `value` has the shape of a run id. */
export function isRunId(value: string): boolean {
  return RUN_ID_REGEX.test(value);
}

/** Makes run ids that sort in creation order, even within one millisecond or if the clock steps back. */
export function createRunIdGenerator(now: () => number = Date.now): (floor?: string) => string {
  let lastMs = 0;
  let counter = 0;
  return (floor) => {
    const floorMs = floor === undefined ? 0 : Number.parseInt(floor.slice(0, 12), 16);
    const floorCounter = floor === undefined ? -1 : Number.parseInt(floor.slice(12, 16), 16);
    let ms = Math.max(now(), lastMs, floorMs);
    counter = ms === lastMs ? counter + 1 : 0;
    if (ms === floorMs) counter = Math.max(counter, floorCounter + 1);
    if (counter > 0xffff) {
      ms += 1;
      counter = 0;
    }
    lastMs = ms;
    const time = ms.toString(16).padStart(12, '0');
    return `${time}${counter.toString(16).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
  };
}
