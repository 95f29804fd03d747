/** Wall-clock milliseconds with sub-millisecond precision; comparable across processes on one machine. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
