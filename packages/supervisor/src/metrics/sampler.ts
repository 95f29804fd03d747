import type { ProcessTable } from '../proc/types.js';
import type { MetricsConfig } from './options.js';

/** Memory and CPU of a backend's whole process tree at one moment. */
export interface BackendMetrics {
  /** The backend's (root) pid. */
  readonly pid: number;
  /** Live processes in the tree. */
  readonly processes: number;
  /** Sum of the members' resident set sizes, in bytes. */
  readonly rssBytes: number;
  /** CPU time used by the live members so far, in ms. */
  readonly cpuMs: number;
  /** CPU use since the previous sample (since spawn for the first), in % of one core (may exceed 100). */
  readonly cpuPercent: number;
  /** Epoch ms of the sample. */
  readonly time: number;
}

export interface SamplerSource {
  readonly pid: number;
  readonly spawnedAt: number;
  /** The live members of the tree now (`wholeGroup` for the first sample: a whole-table scan). */
  members(wholeGroup: boolean): Promise<readonly number[]>;
}

/**
 * Samples the tree right after ready, then every `intervalMs` (unref'd timers, one sample at a time), until
 * `signal` aborts. CPU of members that exited meanwhile drops out of the sum, so a delta never goes
 * below 0.
 */
export function sampleMetrics(config: MetricsConfig, table: ProcessTable, source: SamplerSource, onSample: (metrics: BackendMetrics) => void, signal: AbortSignal): void {
  let previous = { cpuMs: 0, time: source.spawnedAt };
  let timer: NodeJS.Timeout | undefined;
  let first = true;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  const sample = async (): Promise<void> => {
    if (signal.aborted) return;
    const usage = await source.members(first).then((pids) => table.usage(pids)).catch(() => []);
    first = false;
    if (signal.aborted || usage.length === 0) return schedule();
    const time = Date.now();
    const cpuMs = usage.reduce((sum, u) => sum + u.cpuMs, 0);
    const cpuPercent = time > previous.time ? (Math.max(0, cpuMs - previous.cpuMs) / (time - previous.time)) * 100 : 0;
    previous = { cpuMs, time };
    onSample({ pid: source.pid, processes: usage.length, rssBytes: usage.reduce((sum, u) => sum + u.rssBytes, 0), cpuMs, cpuPercent: Math.round(cpuPercent * 10) / 10, time });
    schedule();
  };
  const schedule = (delayMs = config.intervalMs): void => {
    if (signal.aborted) return;
    timer = setTimeout(() => void sample(), delayMs);
    timer.unref();
  };
  schedule(0); // after the code awaiting 'ready' ran: the first sample scans the whole table
}
