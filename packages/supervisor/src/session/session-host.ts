import type { Logger } from 'pino';
import type { SupervisorError } from '../errors.js';
import type { ExitInfo, SupervisorEvents } from '../events.js';
import type { SupervisorConfig } from '../options/config.js';
import type { PidKeeper } from '../orphans/pid-keeper.js';
import type { PortKeeper } from '../port/port-keeper.js';
import type { BackendRun } from '../run/backend-run.js';
import type { SupervisorState } from '../state.js';

/** What a launch session needs from the Supervisor that owns it (the state machine and events). */
export interface SessionHost {
  readonly config: SupervisorConfig;
  readonly log: Logger | undefined;
  readonly pids: PidKeeper;
  readonly ports: PortKeeper;
  state(): SupervisorState;
  transition(to: SupervisorState): void;
  emit<E extends keyof SupervisorEvents & string>(event: E, ...args: SupervisorEvents[E]): void;
  /** True when someone listens to `event` (log lines are not built into events for nobody). */
  listens(event: keyof SupervisorEvents & string): boolean;
  /** The run is ready: go to 'ready', emit it and settle the waiting start() calls. */
  becameReady(run: BackendRun): void;
  /** An exit happened (kept for snapshot().lastExit). */
  recordExit(info: ExitInfo): void;
  /** The error that explains the latest trouble (snapshot().lastError). */
  recordError(error: SupervisorError): void;
  /** The session gives up: go to 'failed'. */
  fail(error: SupervisorError, restarts: number): void;
}
