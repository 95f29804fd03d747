/**
 * The one clock of a chaos run, shared by the runner and every host process: the system's monotonic
 * clock (CLOCK_MONOTONIC, the same in every process of the machine) plus the runner's offset to
 * wall-clock time, handed to each host in CLOCK_OFFSET_ENV. `performance.timeOrigin + performance.now()`
 * is not enough: each process fixes its time origin from the wall clock at its own start, so two
 * processes started minutes apart disagree by whatever the wall clock was slewed in between (the CI
 * seed's history once had a host's 'failed' stamped 2 ms after the runner's reaction to it).
 */

/** Environment variable carrying the runner's clock offset to host processes. */
export const CLOCK_OFFSET_ENV = 'SENTINEL_CHAOS_CLOCK_OFFSET';

function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function offsetFromEnv(): number | undefined {
  const text = process.env[CLOCK_OFFSET_ENV];
  const value = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Wall-clock ms minus monotonic ms: the runner's, or this process's own when it is the runner. */
export const CLOCK_OFFSET_MS = offsetFromEnv() ?? Date.now() - monotonicMs();

/** Milliseconds since the Unix epoch with sub-millisecond precision, on one scale for every process of the run. */
export function now(): number {
  return monotonicMs() + CLOCK_OFFSET_MS;
}
