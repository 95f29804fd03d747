/** Log lines forwarded per second per host; the rest are counted, not sent (a flood must not flood IPC). */
export const DEFAULT_LOG_LINES_PER_SECOND = 50;

/** Lets through at most `perSecond` lines per second and counts the ones it held back. */
export class LogThrottle {
  readonly #perSecond: number;
  #windowStart = 0;
  #inWindow = 0;
  #dropped = 0;

  constructor(perSecond = DEFAULT_LOG_LINES_PER_SECOND) {
    this.#perSecond = perSecond;
  }

  /** Returns the number of lines dropped since the last forwarded one, or undefined to drop this one. */
  admit(time: number): number | undefined {
    if (time - this.#windowStart >= 1000) {
      this.#windowStart = time;
      this.#inWindow = 0;
    }
    if (this.#inWindow >= this.#perSecond) {
      this.#dropped += 1;
      return undefined;
    }
    this.#inWindow += 1;
    const dropped = this.#dropped;
    this.#dropped = 0;
    return dropped;
  }
}
