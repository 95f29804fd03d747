import type { ChaosTiming } from '../config/timing.js';
import type { HistoryRecorder } from '../history/recorder.js';
import type { CheckedConfig } from '../history/types.js';
import type { PlannedFault } from '../schedule/build-schedule.js';
import type { SystemView } from '../runner/system-view.js';

/** What the injection recorded about the fault. */
export interface InjectDetails {
  readonly pid?: number;
  readonly port?: number;
  readonly detail?: string;
}

/** The runner's services offered to fault injectors. */
export interface FaultContext {
  readonly view: SystemView;
  readonly timing: ChaosTiming;
  readonly recorder: HistoryRecorder;
  /** The bounds the invariants check (hang bound, tolerance). */
  readonly checkedConfig: CheckedConfig;
  /** File the tree launcher prints on SIGUSR1 (stdout flood), when the target runs under it. */
  readonly floodFile: string | undefined;
  /** Records the injection of `fault` now; returns its timestamp. */
  inject(fault: PlannedFault, details?: InjectDetails): number;
  /** Records that `fault` could not strike (e.g. no grandchild to kill). */
  skip(fault: PlannedFault, detail: string): void;
  /** start() on the current host; resolves when it settles (a rejection is recorded, not thrown). */
  start(): Promise<void>;
  /** stop() on the current host; resolves when it settles. */
  stop(): Promise<void>;
  /** SIGKILLs the current host and brings up a new one, starting its supervisor. */
  replaceHost(): Promise<void>;
  /** Registers an undo step (close a foreign listener) run once the fault has ended. */
  afterRecovery(step: () => Promise<void> | void): void;
}
