import { percent, when } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf } from '../../shell/routes.js';

/** The latest suite runs (of one suite, or all), newest first. */
export function RecentSuiteRuns({ suiteId }: { suiteId?: string }) {
  const { bridge } = useApp();
  const page = useLoad(() => bridge.listSuiteRuns({ ...(suiteId ? { suite_id: suiteId } : {}), limit: 10 }), [bridge, suiteId]);
  if (page.state !== 'ready') return page.state === 'error' ? <p class="field-error">The recent suite runs could not be loaded: {page.error.message}</p> : null;
  if (page.value.suite_runs.length === 0) return null;
  return (
    <div class="recent-runs">
      <h2>Recent suite runs</h2>
      <ul>
        {page.value.suite_runs.map((run) => (
          <li key={run.id}>
            <a href={hrefOf({ view: 'suite-run', id: run.id })}>{run.suite.name}</a>
            <span class="muted">
              {run.status} · {run.done}/{run.total} · pass rate {run.done > 0 ? percent(run.passed / run.done) : '–'} · {when(run.started_at)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
