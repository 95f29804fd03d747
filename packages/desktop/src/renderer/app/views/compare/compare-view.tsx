import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf } from '../../shell/routes.js';
import { RunPicker, SuiteRunPicker } from './compare-pickers.js';
import { RunComparisonView } from './run-comparison.js';
import { SuiteComparisonView } from './suite-comparison.js';

/** Compare two runs of a test, or two runs of a suite. */
export function CompareView({ of, base, head }: { of: 'runs' | 'suite-runs'; base: string | null; head: string | null }) {
  return (
    <section class="compare" aria-labelledby="compare-title">
      <div class="view-head">
        <h1 id="compare-title">Compare</h1>
        <nav class="tablist" aria-label="What to compare">
          <a class="tab" href={hrefOf({ view: 'compare', of: 'runs', base: null, head: null })} aria-current={of === 'runs' ? 'page' : undefined}>
            Runs of a test
          </a>
          <a class="tab" href={hrefOf({ view: 'compare', of: 'suite-runs', base: null, head: null })} aria-current={of === 'suite-runs' ? 'page' : undefined}>
            Suite runs
          </a>
        </nav>
      </div>
      {of === 'runs' ? <RunPicker base={base} head={head} /> : <SuiteRunPicker base={base} head={head} />}
      {base && head ? (
        of === 'runs' ? <RunsResult base={base} head={head} /> : <SuiteRunsResult base={base} head={head} />
      ) : (
        <Empty title={of === 'runs' ? 'Choose a test, then a base run and a head run to compare.' : 'Choose a base suite run and a head suite run to compare.'}>
          <p class="muted">Regressions (pass → fail) come first, then fixed assertions, the changes in latency, tokens and cost, and a diff of the outputs.</p>
        </Empty>
      )}
    </section>
  );
}

function RunsResult({ base, head }: { base: string; head: string }) {
  const { bridge } = useApp();
  const comparison = useLoad(() => bridge.compareRuns(base, head), [bridge, base, head]);
  if (comparison.state === 'loading') return <Loading label="Comparing the runs…" />;
  if (comparison.state === 'error') return <ErrorState title="These runs cannot be compared" error={comparison.error} onRetry={comparison.reload} />;
  return <RunComparisonView comparison={comparison.value} />;
}

function SuiteRunsResult({ base, head }: { base: string; head: string }) {
  const { bridge } = useApp();
  const comparison = useLoad(() => bridge.compareSuiteRuns(base, head), [bridge, base, head]);
  if (comparison.state === 'loading') return <Loading label="Comparing the suite runs…" />;
  if (comparison.state === 'error') return <ErrorState title="These suite runs cannot be compared" error={comparison.error} onRetry={comparison.reload} />;
  return <SuiteComparisonView comparison={comparison.value} />;
}
