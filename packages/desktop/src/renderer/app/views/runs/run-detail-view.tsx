import { ErrorState, Loading } from '../../components/states.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf } from '../../shell/routes.js';
import { RunDetail } from './run-detail.js';

/** One run of the history, with links to compare it and to its test's other runs. */
export function RunDetailView({ id }: { id: string }) {
  const { bridge } = useApp();
  const run = useLoad(() => bridge.getRun(id), [bridge, id]);
  if (run.state === 'loading') return <Loading label="Loading the run…" />;
  if (run.state === 'error') return <ErrorState title="The run could not be loaded" error={run.error} onRetry={run.reload} />;
  const record = run.value;
  return (
    <div class="run-detail-view">
      <p class="breadcrumbs">
        <a href={hrefOf({ view: 'runs', query: {} })}>Runs</a>
        {record.test_id && (
          <>
            {' · '}
            <a href={hrefOf({ view: 'runs', query: { test_id: record.test_id } })}>Other runs of this test</a>
            {' · '}
            <a href={hrefOf({ view: 'compare', of: 'runs', base: null, head: record.id })}>Compare with another run</a>
          </>
        )}
        {record.suite_run_id && (
          <>
            {' · '}
            <a href={hrefOf({ view: 'suite-run', id: record.suite_run_id })}>Its suite run</a>
          </>
        )}
      </p>
      <RunDetail run={record} />
    </div>
  );
}
