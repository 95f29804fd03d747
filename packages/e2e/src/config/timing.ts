/**
 * Supervisor and runner timings of a chaos run. Small restart delays and a fast health probe let
 * 100 faults fit in about 3 minutes on a 2-core machine; every field is overridable.
 */
export interface ChaosTiming {
  /** Startup deadline (spawn to ready). @default 3000 */
  readonly readinessTimeoutMs: number;
  /** Health probe period. @default 250 */
  readonly healthIntervalMs: number;
  /** A probe slower than this fails. @default 250 */
  readonly healthTimeoutMs: number;
  /** Failed probes in a row before the backend counts as hung. @default 2 */
  readonly healthFailureThreshold: number;
  /** First restart delay. @default 100 */
  readonly restartInitialDelayMs: number;
  /** Growth of the restart delay. @default 2 */
  readonly restartFactor: number;
  /** Cap of the restart delay. @default 800 */
  readonly restartMaxDelayMs: number;
  /** Random spread of each restart delay (fraction). @default 0.2 */
  readonly restartJitter: number;
  /** Ready this long resets the restart delay. @default 1000 */
  readonly restartResetAfterMs: number;
  /**
   * More restarts than this in restartWindowMs end in 'failed' (then the runner calls start() again).
   * Small on purpose: the longest crash loops spend the budget, so 'failed' and start() are exercised. @default 5
   */
  readonly maxRestarts: number;
  /** Window in which restarts are counted. @default 3000 */
  readonly restartWindowMs: number;
  /** Grace between the stop signal and SIGKILL. @default 1000 */
  readonly stopTimeoutMs: number;
  /** How long a SIGKILLed host's backend tree may live on (it exits on stdin EOF). @default 3000 */
  readonly hostDeathBoundMs: number;
  /** Slack added to every time bound checked, for a loaded machine. @default 1500 */
  readonly toleranceMs: number;
  /**
   * Longest a live, unfrozen backend may hold a model answer without having journaled it: an answer
   * it received longer than this (plus toleranceMs) before it died must not be paid again. A backend
   * whose event loop runs journals in milliseconds; one whose loop is stuck (the store's commits are
   * synchronous) fails its health probes and is killed within failureThreshold x (interval + timeout)
   * + stop grace, which this default equals. @default 2000
   */
  readonly journalBoundMs: number;
  /** Safety net: a fault not recovered from within this is recorded as unrecovered. @default 30000 */
  readonly recoveryTimeoutMs: number;
  /** Deadline of the client's health and listRuns requests. @default 8000 */
  readonly requestTimeoutMs: number;
  /** Deadline of the client's execute requests. @default 15000 */
  readonly executeTimeoutMs: number;
  /** Once the faults are over, how long the suite run being followed may take to end. @default 30000 */
  readonly suiteFinishTimeoutMs: number;
}

export const DEFAULT_TIMING: ChaosTiming = {
  readinessTimeoutMs: 3_000,
  healthIntervalMs: 250,
  healthTimeoutMs: 250,
  healthFailureThreshold: 2,
  restartInitialDelayMs: 100,
  restartFactor: 2,
  restartMaxDelayMs: 800,
  restartJitter: 0.2,
  restartResetAfterMs: 1_000,
  maxRestarts: 5,
  restartWindowMs: 3_000,
  stopTimeoutMs: 1_000,
  hostDeathBoundMs: 3_000,
  toleranceMs: 1_500,
  journalBoundMs: 2_000,
  recoveryTimeoutMs: 30_000,
  requestTimeoutMs: 8_000,
  executeTimeoutMs: 15_000,
  suiteFinishTimeoutMs: 30_000,
};
