import type { RestartOptions } from '@sentinel/supervisor';
import type { FaultKind, FaultMoment } from '../schedule/fault-kinds.js';

/** Milliseconds since the Unix epoch, with sub-millisecond precision, on one clock for every process. */
export type Timestamp = number;

/** A supervisor event streamed by a host subprocess. */
export interface SupervisorRecord {
  readonly type: 'sup';
  readonly t: Timestamp;
  /** Which host (1, 2, ...) emitted it: each host runs its own Supervisor. */
  readonly host: number;
  readonly event: 'state' | 'spawn' | 'ready' | 'unhealthy' | 'exit' | 'backoff' | 'failed' | 'log';
  readonly data: Readonly<Record<string, unknown>>;
}

/** A host subprocess's life. */
export interface HostRecord {
  readonly type: 'host';
  readonly t: Timestamp;
  readonly host: number;
  readonly phase: 'spawned' | 'killed' | 'exited';
  readonly pid: number;
}

/** A command the runner sent to a host's Supervisor. */
export interface CommandRecord {
  readonly type: 'command';
  readonly t: Timestamp;
  readonly host: number;
  readonly command: 'start' | 'stop';
  readonly phase: 'sent' | 'resolved' | 'rejected';
  readonly error?: string;
}

/** A fault injection ('inject'), a fault that could not strike ('skip'), or its end ('end'). */
export interface FaultRecord {
  readonly type: 'fault';
  readonly t: Timestamp;
  readonly index: number;
  readonly kind: FaultKind;
  readonly moment: FaultMoment;
  readonly phase: 'inject' | 'skip' | 'end';
  readonly host: number;
  /** The backend process hit, when there is one. */
  readonly pid?: number;
  /** port-taken / stale-server: the port held by the foreign listener. */
  readonly port?: number;
  /** 'end': when the system was ready again, or null when it never recovered. */
  readonly recoveredAt?: Timestamp | null;
  readonly detail?: string;
}

/**
 * One thing a fault did to the system besides its 'inject' marker: every signal it sent (the kills
 * that reach a moment included), every foreign listener it opened or closed. Recorded just before
 * the action, so it always precedes what it caused.
 */
export interface FaultActionRecord {
  readonly type: 'fault-action';
  readonly t: Timestamp;
  /** The fault it belongs to. */
  readonly index: number;
  readonly kind: FaultKind;
  readonly host: number;
  readonly action: 'signal' | 'listen' | 'close-listener';
  /** action 'signal': the signal sent. */
  readonly signal?: NodeJS.Signals;
  /** The process aimed at (the backend, or a descendant of it). */
  readonly pid?: number;
  /** The backend process (supervised root) whose tree `pid` belongs to. */
  readonly root?: number;
  /** action 'signal': every process the signal reached (empty when the target was already gone). */
  readonly hit?: readonly number[];
  /** 'listen' / 'close-listener': the port. */
  readonly port?: number;
  /** Why, in words: 'reach the starting moment', 'strike', 'crash loop 3 of 5'... */
  readonly detail: string;
}

/** One live backend tree, as sampled from /proc. */
export interface LiveTree {
  readonly root: number;
  readonly host: number;
  readonly pids: readonly number[];
}

/** A /proc sample, recorded whenever the set of live backend processes changes. */
export interface ProcRecord {
  readonly type: 'proc';
  readonly t: Timestamp;
  readonly trees: readonly LiveTree[];
}

/** One client request against the backend. */
export interface ClientRecord {
  readonly type: 'client';
  readonly t: Timestamp;
  readonly op: 'health' | 'execute' | 'listRuns';
  readonly startedAt: Timestamp;
  /** null when the request was still pending at the end of the run. */
  readonly endedAt: Timestamp | null;
  readonly deadlineMs: number;
  readonly outcome: 'ok' | 'error' | 'interrupted' | 'pending';
  /** execute: the id of the run the backend acknowledged. */
  readonly runId?: string;
  readonly error?: string;
}

/** The run ids the backend listed at the end of the run. */
export interface AuditRecord {
  readonly type: 'audit';
  readonly t: Timestamp;
  readonly runIds: readonly string[];
  readonly error?: string;
}

/** What a suite run of the client is: plain, filling the cache, reusing it, or cancelled on purpose. */
export type SuitePlanKind = 'plain' | 'cache-fill' | 'cache-reuse' | 'cancel';

/** A case of a suite run as the client saw it: its state and the run recorded for it. */
export interface ObservedCase {
  readonly index: number;
  readonly state: string;
  readonly runId: string | null;
}

/** A suite run's counts and cases as the backend answered them. */
export interface ObservedSuiteRun {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly total: number;
  readonly done: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly cache: boolean;
  readonly cases: readonly ObservedCase[];
}

/**
 * One action or observation of the client's suite runs. `key` names the client's suite (unique,
 * also in the suite's name and every case's prompt); `id` the backend's suite run once known.
 * - 'start-sent': POST /api/suite-runs sent (`cases`, `cache`, the plan `kind`, `expected` verdicts)
 * - 'start-acked' (`id`), 'start-failed' (`error`, `interrupted`: it may have been created),
 *   'start-found' (an interrupted start found in the listing, `id`), 'start-lost' (not found)
 * - 'cancel-sent', 'cancel-acked' (`status` answered), 'cancel-failed' (`error`)
 * - 'event': one Server-Sent Event (`event`: snapshot, case-started, case-finished, progress, end)
 *   with what it said (`index`, `cases`, `status`, `done`)
 * - 'poll': a GET while following by polling, recorded when something changed
 * - 'follow-error': the event stream gave up (`error`); the client falls back to polling
 * - 'final': the run as the client last saw it, finished (`run`)
 */
export interface SuiteRecord {
  readonly type: 'suite';
  readonly t: Timestamp;
  readonly key: string;
  readonly op: 'start-sent' | 'start-acked' | 'start-failed' | 'start-found' | 'start-lost' | 'cancel-sent' | 'cancel-acked' | 'cancel-failed' | 'event' | 'poll' | 'follow-error' | 'final';
  readonly id?: string;
  readonly kind?: SuitePlanKind;
  /** 'start-sent': the number of cases and whether the run asked for the response cache. */
  readonly cases?: number;
  readonly cache?: boolean;
  /** 'start-sent': the verdict each case must get ('passed' or 'failed'), by index. */
  readonly expected?: readonly string[];
  /** 'start-sent' of a cache-reuse run: the key of the cache-fill run whose answers it reuses. */
  readonly reuses?: string;
  readonly event?: string;
  readonly status?: string;
  readonly done?: number;
  /** 'event' / 'poll': the cases the observation showed ended (or, for case-started, the one started). */
  readonly observed?: readonly ObservedCase[];
  readonly run?: ObservedSuiteRun;
  readonly interrupted?: boolean;
  readonly error?: string;
}

/** A run recorded for a suite-run case, as GET /api/runs?suite_run_id= listed it at the end. */
export interface AuditedCaseRun {
  readonly id: string;
  readonly suiteRunId: string;
  readonly index: number;
  readonly success: boolean;
  readonly answerSource: string;
  /** The stub call whose answer it holds (every stub answer names its call), or null when none is named. */
  readonly call: number | null;
  readonly startedAt: Timestamp;
  readonly finishedAt: Timestamp;
}

/** The final audit of every suite run the backend knows, and the runs recorded for them. */
export interface SuiteAuditRecord {
  readonly type: 'suite-audit';
  readonly t: Timestamp;
  readonly suiteRuns: readonly ObservedSuiteRun[];
  readonly runs: readonly AuditedCaseRun[];
  readonly error?: string;
}

/**
 * One model call the local stub received for a suite-run case (recorded at the end; `t` is when it
 * arrived). `call` numbers the stub's requests from 0 and is named in the answer's text, so a recorded
 * run tells which call it holds. `key` and `index` come from the prompt: the client's suite (or cache
 * set) and the case.
 */
export interface ModelCallRecord {
  readonly type: 'model-call';
  readonly t: Timestamp;
  readonly call: number;
  readonly hash: string;
  readonly key: string;
  readonly index: number;
  /** When the stub wrote its answer, or null when it never did (the caller went away first). */
  readonly answeredAt: Timestamp | null;
  /** The HTTP status answered, or null. */
  readonly status: number | null;
}

/** The final /proc check: every process that was started for the run and is still alive. */
export interface LeftoversRecord {
  readonly type: 'leftovers';
  readonly t: Timestamp;
  readonly pids: readonly number[];
}

export type HistoryEvent =
  | SupervisorRecord
  | HostRecord
  | CommandRecord
  | FaultRecord
  | FaultActionRecord
  | ProcRecord
  | ClientRecord
  | AuditRecord
  | SuiteRecord
  | SuiteAuditRecord
  | ModelCallRecord
  | LeftoversRecord;

/** The supervisor configuration the invariants are checked against. */
export interface CheckedConfig {
  readonly restart: Required<RestartOptions> | false;
  readonly health: { readonly intervalMs: number; readonly timeoutMs: number; readonly failureThreshold: number } | false;
  readonly readinessTimeoutMs: number;
  readonly stopTimeoutMs: number;
  /** How long a dead host's backend tree may outlive it. */
  readonly hostDeathBoundMs: number;
  /** Slack for timers and scheduling on a loaded machine, added to every time bound. */
  readonly toleranceMs: number;
  /**
   * How long a live, unfrozen backend may take from receiving a model answer to having journaled it
   * (a fsynced commit); an answer received longer than this (plus tolerance) before the backend died
   * counts as journaled (see no-answer-paid-twice and ChaosTiming.journalBoundMs).
   */
  readonly journalBoundMs: number;
}

/** Everything recorded during one chaos run. */
export interface History {
  readonly seed: number;
  readonly startedAt: Timestamp;
  readonly endedAt: Timestamp;
  readonly config: CheckedConfig;
  readonly events: readonly HistoryEvent[];
}
