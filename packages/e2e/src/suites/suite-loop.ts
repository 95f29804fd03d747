import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SuiteRun } from '@sentinel/backend/contract';
import type { HistoryRecorder } from '../history/recorder.js';
import type { SuiteRecord } from '../history/types.js';
import { now } from '../history/clock.js';
import { followSuiteRun } from './follow-suite-run.js';
import { describeError } from './observe.js';
import { planSuite, type SuitePlan } from './suite-plan.js';
import type { SuiteRunClient } from './suite-client.js';

/** Pause between the end of one suite run and the start of the next. */
export const SUITE_PACE_MS = 100;
/** Abort listeners one followed run may collect (one per event-stream reconnection) before Node warns. */
const MAX_RECONNECT_LISTENERS = 1_000;
/** How many pages of the newest suite runs are searched for an interrupted start. */
const FIND_PAGE_LIMIT = 50;

/**
 * Starts suite runs one after the other while the faults strike (plain ones, cache fills and reuses,
 * runs cancelled on purpose), follows each to its end and records every action and observation.
 * A start cut off by a crash is never resent (it may have been created): the client looks for it by
 * its unique name, as a user checking the list would, and follows it if it is there.
 */
export class SuiteLoop {
  readonly #client: SuiteRunClient;
  readonly #recorder: HistoryRecorder;
  readonly #stopFollowing = new AbortController();
  #running = false;
  #loop: Promise<void> = Promise.resolve();
  #count = 0;
  #lastFill: SuitePlan | undefined;

  constructor(client: SuiteRunClient, recorder: HistoryRecorder) {
    this.#client = client;
    this.#recorder = recorder;
  }

  /** How many suite runs were started (planned and sent). */
  get started(): number {
    return this.#count;
  }

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  /**
   * Starts no more suite runs and waits for the one being followed to end, for at most `graceMs`;
   * then stops following (the history shows a run never seen finished).
   */
  async stop(graceMs: number): Promise<void> {
    this.#running = false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.#loop, new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); })]);
    clearTimeout(timer);
    this.#stopFollowing.abort();
    await this.#loop;
  }

  #record(plan: SuitePlan, fields: Omit<SuiteRecord, 'type' | 't' | 'key'>): void {
    this.#recorder.record({ type: 'suite', t: now(), key: plan.key, ...fields });
  }

  async #run(): Promise<void> {
    while (this.#running) {
      this.#count += 1;
      const plan = planSuite(this.#count, this.#lastFill);
      if (plan.kind === 'cache-reuse') this.#lastFill = undefined;
      const id = await this.#start(plan);
      const final = id === undefined ? undefined : await this.#follow(plan, id);
      // Only a fill that completed has every answer in the cache for its reuse.
      if (plan.kind === 'cache-fill' && final?.status === 'completed') this.#lastFill = plan;
      await sleep(SUITE_PACE_MS);
    }
  }

  /**
   * Follows one run with its own signal (aborted with the loop's): the client's event stream adds an
   * abort listener to the signal at each reconnection and keeps it, so one signal for every run
   * would collect them all; this bounds them to one run's reconnections.
   */
  async #follow(plan: SuitePlan, id: string): Promise<SuiteRun | undefined> {
    const follow = new AbortController();
    setMaxListeners(MAX_RECONNECT_LISTENERS, follow.signal);
    const stop = () => follow.abort();
    this.#stopFollowing.signal.addEventListener('abort', stop, { once: true });
    try {
      return await followSuiteRun({ client: this.#client, recorder: this.#recorder, signal: follow.signal }, plan, id);
    } finally {
      this.#stopFollowing.signal.removeEventListener('abort', stop);
    }
  }

  async #start(plan: SuitePlan): Promise<string | undefined> {
    this.#record(plan, {
      op: 'start-sent', kind: plan.kind, cases: plan.expected.length, cache: plan.cache, expected: plan.expected,
      ...(plan.reuses === undefined ? {} : { reuses: plan.reuses.key }),
    });
    try {
      const run = await this.#client.startSuiteRun({ suite: plan.suite, concurrency: plan.concurrency, cache: plan.cache });
      this.#record(plan, { op: 'start-acked', id: run.id, status: run.status });
      return run.id;
    } catch (error) {
      const interrupted = error instanceof Error && error.name === 'SuiteRunStartInterruptedError';
      this.#record(plan, { op: 'start-failed', interrupted, error: describeError(error) });
      return interrupted ? this.#find(plan) : undefined;
    }
  }

  /** Looks for an interrupted start among the newest suite runs, by its unique name. */
  async #find(plan: SuitePlan): Promise<string | undefined> {
    for (let attempt = 1; attempt <= 5 && !this.#stopFollowing.signal.aborted; attempt++) {
      try {
        const page = await this.#client.listSuiteRuns({ limit: FIND_PAGE_LIMIT });
        const found = page.suite_runs.find((run) => run.suite.name === plan.suite.name);
        if (found === undefined) this.#record(plan, { op: 'start-lost' });
        else this.#record(plan, { op: 'start-found', id: found.id });
        return found?.id;
      } catch (error) {
        this.#record(plan, { op: 'follow-error', error: `looking for the interrupted start: ${describeError(error)}` });
        await sleep(SUITE_PACE_MS);
      }
    }
    return undefined;
  }
}
