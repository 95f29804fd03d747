import type { SuiteRunEvent } from '../contract/suite-run.js';
import type { HistoryStore } from '../store/index.js';
import type { DrainResult, SuiteRunner, SuiteRunnerOptions } from '../suite-runs/types.js';

type Listener = (event: SuiteRunEvent) => void;

/**
 * The suite runner (`createSuiteRunner`), its module (the engine: spec validation, assertions,
 * the yaml package, Ajv, re2js...) imported on first use: a backend that only answers `/health`
 * never loads it, and a start that finds no unfinished suite run does not either (it asks the
 * store, a single indexed query). Every method is the runner's own once it is loaded; a listener
 * subscribed before that is handed to it when it loads (no run can be active in this process
 * before it does). A drain before it loads has nothing in flight, and the runner then loaded
 * for a later call is drained at once, so it refuses new starts as a drained runner does.
 */
export function deferredSuiteRunner(options: SuiteRunnerOptions & { readonly store: HistoryStore }): SuiteRunner {
  let loaded: SuiteRunner | undefined;
  let loading: Promise<SuiteRunner> | undefined;
  let drained = false;
  const waiting = new Map<symbol, { readonly id: string; readonly listener: Listener; unsubscribe?: () => void }>();
  const runner = (): Promise<SuiteRunner> => {
    loading ??= import('../suite-runs/runner.js').then(
      async ({ createSuiteRunner }) => {
        const created = createSuiteRunner(options);
        if (drained) await created.drain(0);
        for (const entry of waiting.values()) entry.unsubscribe = created.subscribe(entry.id, entry.listener);
        loaded = created;
        return created;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    start: async (request) => (await runner()).start(request),
    async resumeUnfinished() {
      if (loaded === undefined && (await options.store.listUnfinishedSuiteRuns()).length === 0) return [];
      return (await runner()).resumeUnfinished();
    },
    get: async (id) => (await runner()).get(id),
    list: async (page, filter) => (await runner()).list(page, filter),
    cancel: async (id) => (await runner()).cancel(id),
    rerunFailed: async (id) => (await runner()).rerunFailed(id),
    compare: async (baseId, headId) => (await runner()).compare(baseId, headId),
    junit: async (id) => (await runner()).junit(id),
    whenFinished: async (id) => (await runner()).whenFinished(id),
    subscribe(id, listener) {
      if (loaded !== undefined) return loaded.subscribe(id, listener);
      const key = Symbol(id);
      waiting.set(key, { id, listener });
      void runner().catch(() => undefined);
      return () => {
        waiting.get(key)?.unsubscribe?.();
        waiting.delete(key);
      };
    },
    async drain(timeoutMs): Promise<DrainResult> {
      if (loaded !== undefined) return loaded.drain(timeoutMs);
      drained = true;
      if (loading !== undefined) return (await loading).drain(timeoutMs);
      return { recorded: 0, leftForResume: 0 };
    },
  };
}
