import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';

/** Filters of the history: library test, suite run, model, pass/fail. */
export function RunFilters({ query, onChange }: { query: Readonly<Record<string, string>>; onChange: (next: Record<string, string>) => void }) {
  const { bridge } = useApp();
  const options = useLoad(async () => {
    const [tests, suiteRuns, providers] = await Promise.all([bridge.listTests(), bridge.listSuiteRuns({ limit: 50 }), bridge.listProviders().catch(() => [])]);
    return { tests: tests.tests, suiteRuns: suiteRuns.suite_runs, models: providers.flatMap((provider) => provider.models.map((model) => model.id)) };
  }, [bridge]);
  const ready = options.state === 'ready' ? options.value : { tests: [], suiteRuns: [], models: [] };
  const set = (key: string, value: string): void => onChange({ ...query, [key]: value });
  return (
    <div class="toolbar filters">
      <select aria-label="Filter by test" id="runs-filter-test" value={query.test_id ?? ''} onChange={(event) => set('test_id', event.currentTarget.value)}>
        <option value="">All tests</option>
        {ready.tests.map((test) => (
          <option key={test.id} value={test.id}>
            {test.spec.name}
          </option>
        ))}
        {query.test_id && !ready.tests.some((test) => test.id === query.test_id) && <option value={query.test_id}>{query.test_id}</option>}
      </select>
      <select aria-label="Filter by suite run" id="runs-filter-suite" value={query.suite_run_id ?? ''} onChange={(event) => set('suite_run_id', event.currentTarget.value)}>
        <option value="">Any suite run</option>
        {ready.suiteRuns.map((run) => (
          <option key={run.id} value={run.id}>
            {run.suite.name} · {new Date(run.started_at).toLocaleString()}
          </option>
        ))}
        {query.suite_run_id && !ready.suiteRuns.some((run) => run.id === query.suite_run_id) && <option value={query.suite_run_id}>{query.suite_run_id}</option>}
      </select>
      <input aria-label="Filter by model" id="runs-filter-model" list="runs-models" placeholder="Any model" value={query.model ?? ''} onChange={(event) => set('model', event.currentTarget.value.trim())} />
      <datalist id="runs-models">
        {ready.models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      <select aria-label="Filter by result" id="runs-filter-result" value={query.passed ?? ''} onChange={(event) => set('passed', event.currentTarget.value)}>
        <option value="">Passed or failed</option>
        <option value="true">Passed</option>
        <option value="false">Failed</option>
      </select>
      {options.state === 'error' && <span class="field-error">Filter choices could not be loaded: {options.error.message}</span>}
    </div>
  );
}
