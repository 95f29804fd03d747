import { setMaxListeners } from 'node:events';
import { BackendError } from '../app/errors.js';
import { PROVIDERS } from '../contract/providers.js';
import { MAX_SUITE_CONCURRENCY } from './defaults.js';
import type { SuiteRun } from '../contract/suite-run.js';
import type { PreparedCase } from '../execution/index.js';
import type { ProviderRegistry } from '../providers/index.js';
import type { CaseOutcome, HistoryStore, SuiteRunPlan } from '../store/index.js';
import { hasEnded } from '../store/suite-run-rows.js';
import { ProviderLane, type RetryRule } from './case-retry.js';
import { runCase, type CaseHost } from './case-runner.js';
import type { EventHub } from './event-hub.js';
import { prepareStoredCase, type ReadyCase } from './prepare-plan.js';
import { RunProgress } from './run-progress.js';
import type { SuiteRunnerLogger } from './types.js';

/** A run started in this process: its cases as prepared, and its plan as just stored. */
export interface FreshStart {
  readonly prepared: readonly PreparedCase[];
  readonly plan: SuiteRunPlan;
}

/** What every run of one runner shares. */
export interface RunContext {
  readonly store: HistoryStore;
  readonly providers: ProviderRegistry;
  readonly hub: EventHub;
  readonly logger: SuiteRunnerLogger;
  readonly cacheTtlMs: number;
  /** Keep each answer before its assertions run (SuiteRunnerOptions.journalAnswers). */
  readonly journalAnswers: boolean;
  readonly retry: RetryRule;
  /** The runner's signal: aborting it cuts every run's calls. */
  readonly signal: AbortSignal | undefined;
  /** Counts a recorded case (for the drain's report). */
  readonly onRecorded: () => void;
}

/** How a run stopped in this process: finished (completed or cancelled), or left `running` for the next resume (and why). */
export type RunEnd = { readonly finished: SuiteRun } | { readonly left: number; readonly reason: 'drain' | 'storage' };

type StopReason = 'cancel' | 'drain' | 'storage';

const cancelled = (): BackendError => new BackendError('SHUTTING_DOWN', { message: 'The suite run was cancelled' });
const shutDown = (): BackendError => new BackendError('SHUTTING_DOWN', { message: 'The backend is stopping: the case is left to the next start' });

/** One suite run being run by this process: its provider lanes, their workers, its cancel and its end. */
export class ActiveRun {
  readonly id: string;
  /** Settles (never rejects) when the run finished or was left for the resume. */
  readonly ended: Promise<RunEnd>;
  readonly #context: RunContext;
  readonly #controller = new AbortController();
  readonly #signal: AbortSignal;
  #stop: StopReason | undefined;
  #inFlight = 0;

  /** `fresh`: the run was just created here (else it is resumed: its plan is read from the store and its cases prepared again). */
  constructor(id: string, context: RunContext, fresh?: FreshStart) {
    this.id = id;
    this.#context = context;
    this.#signal = context.signal === undefined ? this.#controller.signal : AbortSignal.any([this.#controller.signal, context.signal]);
    // Every case in flight listens to this signal (its model call is cut by it): up to the
    // concurrency bound per provider, more than Node's default warning threshold of 10.
    setMaxListeners(MAX_SUITE_CONCURRENCY * PROVIDERS.length + 10, this.#signal);
    const onShutdown = (): void => this.#stopWith('drain');
    context.signal?.addEventListener('abort', onShutdown, { once: true });
    this.ended = this.#main(fresh)
      .catch((error: unknown): RunEnd => {
        context.logger.error({ suiteRunId: id, err: error }, 'suite run stopped by an unexpected error: it is left running for the next start');
        return { left: 0, reason: 'storage' };
      })
      .finally(() => context.signal?.removeEventListener('abort', onShutdown));
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Starts no more cases; the ones in flight go on. */
  stopStarting(): void {
    this.#stopWith('drain');
  }

  /** Cuts the model calls in flight: their cases are left `running` for the resume. */
  abortInFlight(): void {
    this.#stopWith('drain');
    this.#controller.abort(shutDown());
  }

  /** The run's cancel is durably requested: stop now and finish it `cancelled`. */
  async cancel(): Promise<RunEnd> {
    if (this.#stop !== 'storage') this.#stop = 'cancel';
    this.#controller.abort(cancelled());
    return this.ended;
  }

  #stopWith(reason: StopReason): void {
    this.#stop ??= reason;
  }

  async #main(fresh: FreshStart | undefined): Promise<RunEnd> {
    const plan = fresh?.plan ?? (await this.#context.store.getSuiteRunPlan(this.id));
    if (plan === undefined) throw new Error(`Suite run ${this.id} has no plan`);
    if (plan.cancel_requested) this.#stop = 'cancel';
    const ready: ReadyCase[] = fresh === undefined ? plan.cases.map(prepareStoredCase) : fresh.prepared.map((entry) => ({ ok: true, prepared: entry }));
    const progress = new RunProgress(this.id, plan, this.#context.hub);
    const host = this.#host(plan, ready, progress);
    const lanes = this.#lanes(plan, ready);
    await Promise.all(lanes.flatMap((lane) => Array.from({ length: Math.min(plan.concurrency, lane.queue.length) }, () => this.#work(host, lane))));
    return this.#conclude(progress);
  }

  #host(plan: SuiteRunPlan, ready: readonly ReadyCase[], progress: RunProgress): CaseHost {
    const { store, providers, logger, cacheTtlMs, journalAnswers, retry, onRecorded } = this.#context;
    return {
      suiteRunId: this.id,
      store,
      providers,
      logger,
      cache: plan.cache,
      cacheTtlMs,
      journalAnswers,
      retry,
      signal: this.#signal,
      ready: (index) => ready[index] as ReadyCase,
      started: (index) => progress.started(index),
      ended: (outcome: CaseOutcome) => {
        if (!outcome.written) return;
        onRecorded();
        logger.info({ suiteRunId: this.id, index: outcome.case.index, state: outcome.case.state, runId: outcome.case.run_id, error: outcome.case.error?.code }, 'suite-run case recorded');
        progress.ended(outcome);
      },
    };
  }

  /** The cases still to run, in index order, one lane per provider (cases that cannot be prepared get their own). */
  #lanes(plan: SuiteRunPlan, ready: readonly ReadyCase[]): ProviderLane[] {
    const lanes = new Map<string, ProviderLane>();
    for (const entry of plan.cases) {
      if (hasEnded(entry.state)) continue;
      const readyCase = ready[entry.index] as ReadyCase;
      const key = readyCase.ok ? readyCase.prepared.request.provider : 'unprepared';
      const lane = lanes.get(key) ?? new ProviderLane();
      lanes.set(key, lane);
      lane.queue.push(entry.index);
    }
    return [...lanes.values()];
  }

  async #work(host: CaseHost, lane: ProviderLane): Promise<void> {
    while (this.#stop === undefined) {
      const index = lane.queue.shift();
      if (index === undefined) return;
      this.#inFlight += 1;
      try {
        const end = await runCase(host, index, lane);
        if (end === 'interrupted') this.#stopWith('drain');
        if (end === 'storage-failed') this.#stopWith('storage');
      } finally {
        this.#inFlight -= 1;
      }
    }
  }

  async #conclude(progress: RunProgress): Promise<RunEnd> {
    const { store, hub, logger } = this.#context;
    if (this.#stop === 'drain' || this.#stop === 'storage') return { left: progress.left, reason: this.#stop };
    try {
      const finished = await store.finishSuiteRun(this.id);
      hub.emit(this.id, { type: 'end', run: finished });
      return { finished };
    } catch (error) {
      logger.error({ suiteRunId: this.id, err: error }, 'the end of a suite run could not be recorded: it is left running for the next start');
      return { left: progress.left, reason: 'storage' };
    }
  }
}
