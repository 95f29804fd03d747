import { setTimeout as sleep } from 'node:timers/promises';
import type { SuiteRun, SuiteRunEvent } from '@sentinel/backend/contract';
import type { HistoryRecorder } from '../history/recorder.js';
import type { SuiteRecord } from '../history/types.js';
import { now } from '../history/clock.js';
import { describeError, endedCases, observeSuiteRun } from './observe.js';
import type { SuitePlan } from './suite-plan.js';
import type { SuiteRunClient } from './suite-client.js';

/** Pause between two GETs while following by polling, and before retrying a failed request. */
export const SUITE_POLL_MS = 150;

/** What following a suite run needs. */
export interface FollowContext {
  readonly client: SuiteRunClient;
  readonly recorder: HistoryRecorder;
  /** Aborted when the chaos run gives up waiting: following stops where it is. */
  readonly signal: AbortSignal;
}

type Record = Omit<SuiteRecord, 'type' | 't' | 'key' | 'id'>;

/** Follows one suite run to its end, recording what it sees; sends the plan's cancel when it is due. */
class Follower {
  readonly #ctx: FollowContext;
  readonly #plan: SuitePlan;
  readonly #id: string;
  #cancel: Promise<void> | undefined;

  constructor(ctx: FollowContext, plan: SuitePlan, id: string) {
    this.#ctx = ctx;
    this.#plan = plan;
    this.#id = id;
  }

  record(fields: Record): void {
    this.#ctx.recorder.record({ type: 'suite', t: now(), key: this.#plan.key, id: this.#id, ...fields });
  }

  /** Starts the cancel once `ended` cases have ended, if the plan says so (once). */
  maybeCancel(ended: number): void {
    const due = this.#plan.cancelAfterCases;
    if (due === undefined || this.#cancel !== undefined || ended < due) return;
    this.#cancel = this.#cancelUntilAcknowledged();
  }

  /** Waits for a cancel in flight to be acknowledged (or given up on). */
  async settled(): Promise<void> {
    await this.#cancel;
  }

  /** Cancels, resending (it is idempotent) until the backend acknowledges it, as a user would. */
  async #cancelUntilAcknowledged(): Promise<void> {
    while (!this.#ctx.signal.aborted) {
      this.record({ op: 'cancel-sent' });
      try {
        const run = await this.#ctx.client.cancelSuiteRun(this.#id);
        this.record({ op: 'cancel-acked', status: run.status, done: run.done });
        return;
      } catch (error) {
        this.record({ op: 'cancel-failed', error: describeError(error) });
        await sleep(SUITE_POLL_MS, undefined, { signal: this.#ctx.signal }).catch(() => undefined);
      }
    }
  }

  /** Follows the event stream; resolves with the run of its `end`, or undefined when the stream gave up. */
  async byEvents(): Promise<SuiteRun | undefined> {
    try {
      for await (const event of this.#ctx.client.watchSuiteRun(this.#id, { signal: this.#ctx.signal })) {
        this.#onEvent(event);
        if (event.type === 'end') return event.run;
      }
    } catch (error) {
      this.record({ op: 'follow-error', error: describeError(error) });
    }
    return undefined;
  }

  #onEvent(event: SuiteRunEvent): void {
    if (event.type === 'snapshot' || event.type === 'end') {
      const ended = endedCases(event.run);
      this.record({ op: 'event', event: event.type, status: event.run.status, done: event.run.done, observed: ended });
      this.maybeCancel(ended.length);
    } else if (event.type === 'case-started') {
      this.record({ op: 'event', event: event.type, observed: [{ index: event.index, state: 'running', runId: null }] });
    } else if (event.type === 'case-finished') {
      this.record({ op: 'event', event: event.type, observed: [{ index: event.case.index, state: event.case.state, runId: event.case.run_id }] });
    } else {
      this.record({ op: 'event', event: event.type, done: event.done });
      this.maybeCancel(event.done);
    }
  }

  /** Polls GET /api/suite-runs/:id until the run is finished; records each change. */
  async byPolling(): Promise<SuiteRun | undefined> {
    let last = '';
    while (!this.#ctx.signal.aborted) {
      try {
        const run = await this.#ctx.client.getSuiteRun(this.#id);
        const ended = endedCases(run);
        const seen = `${run.status}:${ended.map((c) => `${c.index}=${c.runId ?? c.state}`).join(',')}`;
        if (seen !== last) this.record({ op: 'poll', status: run.status, done: run.done, observed: ended });
        last = seen;
        this.maybeCancel(ended.length);
        if (run.status !== 'running') return run;
      } catch (error) {
        this.record({ op: 'poll', error: describeError(error) });
      }
      await sleep(SUITE_POLL_MS, undefined, { signal: this.#ctx.signal }).catch(() => undefined);
    }
    return undefined;
  }
}

/**
 * Follows a suite run to its end by its event stream (reconnected across backend restarts) or by
 * polling, as the plan says; a stream that gives up falls back to polling. Sends the plan's cancel
 * when it is due. Records every observation and the final run; resolves with the final run once
 * both are settled (undefined when following was stopped first).
 */
export async function followSuiteRun(ctx: FollowContext, plan: SuitePlan, id: string): Promise<SuiteRun | undefined> {
  const follower = new Follower(ctx, plan, id);
  const run = (plan.follow === 'events' ? await follower.byEvents() : undefined) ?? (await follower.byPolling());
  await follower.settled();
  if (run !== undefined) follower.record({ op: 'final', run: observeSuiteRun(run) });
  return run;
}
