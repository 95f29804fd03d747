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
}

/** Everything recorded during one chaos run. */
export interface History {
  readonly seed: number;
  readonly startedAt: Timestamp;
  readonly endedAt: Timestamp;
  readonly config: CheckedConfig;
  readonly events: readonly HistoryEvent[];
}
