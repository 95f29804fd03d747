import type { SupervisorError } from './errors.js';
import type { BackendMetrics } from './metrics/sampler.js';
import type { SupervisorState } from './state.js';

/**
 * Why a backend process exited: 'crash' (any exit not asked for, code 0 included), 'unhealthy'
 * (killed after failureThreshold failed probes), 'startup-timeout', 'memory-limit' (killed over
 * metrics.maxRssBytes), 'restart' (replaced by restart()) or 'stopped' (stop()).
 */
export type ExitReason = 'crash' | 'unhealthy' | 'startup-timeout' | 'memory-limit' | 'restart' | 'stopped';

/** What is known about a backend exit. */
export interface ExitInfo {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly reason: ExitReason;
  /** Milliseconds from spawn to exit. */
  readonly uptimeMs: number;
  /** The last output lines (both streams, oldest first). */
  readonly lastLines: readonly string[];
  /** Epoch milliseconds of the exit. */
  readonly time: number;
}

/** One line of child output. */
export interface LogLine {
  readonly stream: 'stdout' | 'stderr';
  readonly line: string;
  readonly pid: number;
  /** Epoch milliseconds when the line was read. */
  readonly time: number;
  /** True when the line was longer than logs.maxLineBytes and was cut. */
  readonly truncated: boolean;
}

/** The events of a Supervisor and their payloads. */
export interface SupervisorEvents {
  state: [{ readonly from: SupervisorState; readonly to: SupervisorState }];
  spawn: [{ readonly pid: number; readonly attempt: number; readonly port: number | undefined; readonly instanceId: string }];
  ready: [{ readonly pid: number; readonly port: number | undefined; readonly url: string | undefined; readonly attempt: number; readonly startupMs: number }];
  /** After each failed health probe; `error` is SUP_ERR_PROBE with the probe's own error as cause. */
  unhealthy: [{ readonly pid: number; readonly failures: number; readonly error: SupervisorError }];
  exit: [ExitInfo];
  /** `attempt` is the number of the spawn that will follow; `delayMs` is 0 for the first crash of a streak. */
  backoff: [{ readonly attempt: number; readonly delayMs: number }];
  failed: [{ readonly reason: SupervisorError; readonly restarts: number; readonly lastExit: ExitInfo | undefined }];
  /** A sample of the backend tree's memory and CPU (see `metrics`). */
  metrics: [BackendMetrics];
  log: [LogLine];
  /** A listener threw; the supervisor carried on. */
  'listener-error': [{ readonly event: string; readonly error: unknown }];
}

/** The public view of a supervisor at one moment; `JSON.stringify` keeps everything in it. */
export interface SupervisorSnapshot {
  readonly name: string;
  readonly state: SupervisorState;
  readonly pid: number | undefined;
  readonly port: number | undefined;
  readonly url: string | undefined;
  readonly instanceId: string | undefined;
  /** Restarts (after unexpected exits) since the last start(). */
  readonly restarts: number;
  /** Spawn attempts since the last start() (1 for the first). */
  readonly attempt: number;
  readonly lastExit: ExitInfo | undefined;
  /** Epoch ms of the last 'ready', or undefined. */
  readonly readySince: number | undefined;
  /** Consecutive failed health probes. */
  readonly healthFailures: number;
  readonly lastError: SupervisorError | undefined;
  /** The latest sample of the live backend's tree, or undefined (none yet, or metrics: false). */
  readonly metrics: BackendMetrics | undefined;
}
