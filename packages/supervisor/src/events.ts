import type { SupervisorState } from './state.js';

/** Why a backend process exited. */
export type ExitReason = 'crash' | 'unhealthy' | 'startup-timeout' | 'stopped';

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
  unhealthy: [{ readonly pid: number; readonly failures: number; readonly error: Error }];
  exit: [ExitInfo];
  backoff: [{ readonly attempt: number; readonly delayMs: number }];
  failed: [{ readonly reason: Error; readonly restarts: number; readonly lastExit: ExitInfo | undefined }];
  log: [LogLine];
  /** A listener threw; the supervisor carried on. */
  'listener-error': [{ readonly event: string; readonly error: unknown }];
}

/** The public view of a supervisor at one moment. */
export interface SupervisorSnapshot {
  readonly name: string;
  readonly state: SupervisorState;
  readonly pid: number | undefined;
  readonly port: number | undefined;
  readonly url: string | undefined;
  readonly instanceId: string | undefined;
  /** Restarts since the last start(). */
  readonly restarts: number;
  /** Spawn attempts since the last start() (1 for the first). */
  readonly attempt: number;
  readonly lastExit: ExitInfo | undefined;
  /** Epoch ms of the last 'ready', or undefined. */
  readonly readySince: number | undefined;
  /** Consecutive failed health probes. */
  readonly healthFailures: number;
  readonly lastError: Error | undefined;
}
