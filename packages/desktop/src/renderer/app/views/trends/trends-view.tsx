import { useState } from 'preact/hooks';
import type { StoredTest } from '@sentinel/backend/contract';
import { ms, percent } from '../../components/format.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf } from '../../shell/routes.js';
import { TrendChart } from './trend-chart.js';

/** Runs per chart. */
const RUNS_PER_CHART = 50;
/** Charts shown before "Show more". */
const CHARTS_PER_PAGE = 12;

function TrendCard({ test }: { test: StoredTest }) {
  const { bridge } = useApp();
  const runs = useLoad(async () => (await bridge.listRuns({ test_id: test.id, limit: RUNS_PER_CHART })).runs, [bridge, test.id]);
  return (
    <article class="card trend-card" data-test-id={test.id} aria-label={`Trend of ${test.spec.name}`}>
      <h2>
        <a href={hrefOf({ view: 'runs', query: { test_id: test.id } })}>{test.spec.name}</a>
      </h2>
      {runs.state === 'loading' && <Loading label="Loading its runs…" />}
      {runs.state === 'error' && <ErrorState title="Its runs could not be loaded" error={runs.error} onRetry={runs.reload} />}
      {runs.state === 'ready' &&
        (runs.value.length === 0 ? (
          <Empty title="No runs yet." />
        ) : (
          <>
            <p class="muted trend-summary">
              {runs.value.length} run{runs.value.length === 1 ? '' : 's'} · pass rate {percent(runs.value.filter((run) => run.success).length / runs.value.length)} · median latency {ms(median(runs.value.map((run) => run.latency_ms)))}
            </p>
            <TrendChart runs={runs.value} label={test.spec.name} />
            <p class="trend-legend muted" aria-hidden="true">
              <span class="pass">■ passed</span> · <span class="fail">■ failed</span> · <span class="line">— latency</span> (oldest on the left)
            </p>
          </>
        ))}
    </article>
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A chart per test of the library: pass/fail and latency over its latest runs. */
export function TrendsView() {
  const { bridge } = useApp();
  const tests = useLoad(() => bridge.listTests(), [bridge]);
  const [shown, setShown] = useState(CHARTS_PER_PAGE);
  return (
    <section class="trends" aria-labelledby="trends-title">
      <h1 id="trends-title">Trends</h1>
      {tests.state === 'loading' && <Loading label="Loading the library…" />}
      {tests.state === 'error' && <ErrorState title="The library could not be loaded" error={tests.error} onRetry={tests.reload} />}
      {tests.state === 'ready' && tests.value.tests.length === 0 && <Empty title="No tests yet: a chart appears here for each test once it has runs." />}
      {tests.state === 'ready' && (
        <div class="trend-grid">
          {tests.value.tests.slice(0, shown).map((test) => (
            <TrendCard key={test.id} test={test} />
          ))}
        </div>
      )}
      {tests.state === 'ready' && tests.value.tests.length > shown && (
        <button type="button" class="button ghost" onClick={() => setShown(shown + CHARTS_PER_PAGE)}>
          Show more tests
        </button>
      )}
    </section>
  );
}
