import { useState } from 'preact/hooks';
import type { RunRecord } from '@sentinel/backend/contract';
import type { RunQuery } from '../../../../shared/workspace-bridge.js';
import { toUiError } from '../../bridge/ui-error.js';
import { ms, usd, when } from '../../components/format.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf, navigate } from '../../shell/routes.js';
import { RunFilters } from './run-filters.js';

const PAGE = 50;

/** The URL's query as a run filter (test, suite run, model, pass/fail). */
export function queryOf(query: Readonly<Record<string, string>>): RunQuery {
  return {
    ...(query.test_id ? { test_id: query.test_id } : {}),
    ...(query.suite_run_id ? { suite_run_id: query.suite_run_id } : {}),
    ...(query.model ? { model: query.model } : {}),
    ...(query.passed === 'true' || query.passed === 'false' ? { passed: query.passed === 'true' } : {}),
  };
}

/** The run history, newest first, with filters kept in the URL; older pages on demand. */
export function RunsView({ query }: { query: Readonly<Record<string, string>> }) {
  const { bridge } = useApp();
  const filter = queryOf(query);
  const page = useLoad(() => bridge.listRuns({ ...filter, limit: PAGE }), [bridge, JSON.stringify(filter)]);
  const [older, setOlder] = useState<{ runs: readonly RunRecord[]; cursor: string | null; error: string | null; busy: boolean } | null>(null);
  const setFilter = (next: Record<string, string>): void => {
    setOlder(null);
    navigate({ view: 'runs', query: Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')) });
  };
  const loadOlder = (cursor: string): void => {
    setOlder((current) => ({ runs: current?.runs ?? [], cursor, error: null, busy: true }));
    bridge.listRuns({ ...filter, limit: PAGE, cursor }).then(
      (next) => setOlder((current) => ({ runs: [...(current?.runs ?? []), ...next.runs], cursor: next.next_cursor, error: null, busy: false })),
      (error: unknown) => setOlder((current) => ({ runs: current?.runs ?? [], cursor, error: toUiError(error).message, busy: false })),
    );
  };
  const filtered = Object.keys(filter).length > 0;
  return (
    <section class="runs" aria-labelledby="runs-title">
      <h1 id="runs-title">Runs</h1>
      <RunFilters query={query} onChange={setFilter} />
      {page.state === 'loading' && <Loading label="Loading the history…" />}
      {page.state === 'error' && <ErrorState title="The run history could not be loaded" error={page.error} onRetry={page.reload} />}
      {page.state === 'ready' &&
        (page.value.runs.length === 0 ? (
          <Empty title={filtered ? 'No run matches these filters.' : 'No runs yet.'}>{!filtered && <p class="muted">Run a test or a suite and it appears here.</p>}</Empty>
        ) : (
          <>
            <table class="runs-table" aria-label="Run history">
              <thead>
                <tr>
                  <th scope="col">Result</th>
                  <th scope="col">Test</th>
                  <th scope="col">Model</th>
                  <th scope="col">Latency</th>
                  <th scope="col">Tokens</th>
                  <th scope="col">Cost</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {[...page.value.runs, ...(older?.runs ?? [])].map((run) => (
                  <tr key={run.id} class={run.success ? 'pass' : 'fail'} data-run-id={run.id}>
                    <td>
                      <span class={`dot ${run.success ? 'pass' : 'fail'}`} aria-label={run.success ? 'passed' : 'failed'} />
                    </td>
                    <td>
                      <a href={hrefOf({ view: 'run-detail', id: run.id })}>{run.name}</a>
                    </td>
                    <td>{run.model}</td>
                    <td>{ms(run.latency_ms)}</td>
                    <td>{run.usage.input_tokens + run.usage.output_tokens}</td>
                    <td>{usd(run.cost_usd)}</td>
                    <td>{when(run.started_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {older?.error && <p class="field-error">{older.error}</p>}
            {(older ? older.cursor : page.value.next_cursor) && (
              <button type="button" class="button ghost" disabled={older?.busy} onClick={() => loadOlder((older ? older.cursor : page.value.next_cursor) as string)}>
                {older?.busy ? 'Loading…' : 'Load older runs'}
              </button>
            )}
          </>
        ))}
    </section>
  );
}
