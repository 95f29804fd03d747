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

/** The stub's answer to a suite case: which call, and when it was written. */
export interface SuiteAnswer {
  readonly call: number;
  readonly at: number;
}

/** What some faults need from the run besides the system: the flood hook, the stub's answers. */
export interface FaultHooks {
  /** File the tree launcher prints on SIGUSR1 (stdout flood), when the target runs under it. */
  readonly floodFile: string | undefined;
  /** Resolves as the stub answers the next suite case (undefined after `timeoutMs`); absent without suite runs. */
  readonly nextSuiteAnswer: ((timeoutMs: number) => Promise<SuiteAnswer | undefined>) | undefined;
}

/** How a fault's signal is aimed. */
export interface SignalAim {
  /** Why, in words (kept in the history): 'reach the starting moment', 'strike'... */
  readonly detail: string;
  /** Also signal every live descendant (SIGSTOP/SIGCONT and port-freeing kills need the whole tree). @default false */
  readonly tree?: boolean;
  /** The supervised backend process `pid` belongs to. @default pid */
  readonly root?: number;
}

/**
 * The runner's services offered to fault injectors, bound to the one fault being injected. Every
 * action a fault takes goes through it, so every action is in the history: signals (`signal`),
 * foreign listeners (`recordAction`), start()/stop() and host kills (recorded by the host manager).
 */
export interface FaultContext {
  /** The fault this context injects. */
  readonly fault: PlannedFault;
  readonly view: SystemView;
  readonly timing: ChaosTiming;
  readonly recorder: HistoryRecorder;
  /** The bounds the invariants check (hang bound, tolerance). */
  readonly checkedConfig: CheckedConfig;
  /** File the tree launcher prints on SIGUSR1 (stdout flood), when the target runs under it. */
  readonly floodFile: string | undefined;
  /** Resolves as the stub answers the next suite case; absent without suite runs. */
  readonly nextSuiteAnswer: FaultHooks['nextSuiteAnswer'];
  /** Records the injection of the fault now; returns its timestamp. */
  inject(details?: InjectDetails): number;
  /** Records that the fault could not strike (e.g. no grandchild to kill). */
  skip(detail: string): void;
  /**
   * Records, then sends `sig` to `pid` (and its descendants with `aim.tree`): the record precedes
   * whatever the signal causes. Returns the pids reached (empty when the process was already gone).
   */
  signal(pid: number, sig: NodeJS.Signals, aim: SignalAim): number[];
  /** Records a fault action that is not a signal: a foreign listener opened or closed on `port`. */
  recordAction(action: 'listen' | 'close-listener', port: number, detail: string): void;
  /** start() on the current host; resolves when it settles (a rejection is recorded, not thrown). */
  start(): Promise<void>;
  /** stop() on the current host; resolves when it settles. */
  stop(): Promise<void>;
  /** SIGKILLs the current host and brings up a new one, starting its supervisor. */
  replaceHost(): Promise<void>;
  /** Registers an undo step (close a foreign listener) run once the fault has ended. */
  afterRecovery(step: () => Promise<void> | void): void;
}
