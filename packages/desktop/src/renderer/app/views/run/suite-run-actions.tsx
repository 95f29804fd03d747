import type { SuiteRun } from '@sentinel/backend/contract';
import { toUiError, type UiError } from '../../bridge/ui-error.js';
import { downloadText } from '../../components/download.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf, navigate } from '../../shell/routes.js';

/** The run this one is compared with by default: the run whose failures it reruns, else the suite's previous run. */
function usePreviousRun(run: SuiteRun): string | null {
  const { bridge } = useApp();
  const suiteId = run.suite.id;
  const previous = useLoad(async () => {
    if (run.rerun_of || !suiteId || run.status === 'running') return null;
    const page = await bridge.listSuiteRuns({ suite_id: suiteId, limit: 50 });
    return page.suite_runs.find((other) => other.id !== run.id && other.started_at < run.started_at)?.id ?? null;
  }, [bridge, run.id, run.status, suiteId]);
  return run.rerun_of ?? (previous.state === 'ready' ? previous.value : null);
}

/** Cancel while running; once ended: rerun the failed cases, compare with the previous run, export JUnit. */
export function SuiteRunActions({ run, onRun, onError }: { run: SuiteRun; onRun: (next: SuiteRun) => void; onError: (error: UiError | null) => void }) {
  const { bridge } = useApp();
  const previous = usePreviousRun(run);
  const act = <T,>(action: () => Promise<T>, after: (value: T) => void): void => {
    onError(null);
    action().then(after, (caught: unknown) => onError(toUiError(caught)));
  };
  if (run.status === 'running') {
    return (
      <div class="view-actions">
        <button type="button" class="button danger" onClick={() => act(() => bridge.cancelSuiteRun(run.id), onRun)}>
          Cancel run
        </button>
      </div>
    );
  }
  const failures = run.failed + run.errors;
  return (
    <div class="view-actions">
      {failures > 0 && (
        <button type="button" class="button primary" onClick={() => act(() => bridge.rerunFailed(run.id), (next) => navigate({ view: 'suite-run', id: next.id }))}>
          Rerun failed ({failures})
        </button>
      )}
      <a class="button" id="compare-previous" href={hrefOf({ view: 'compare', of: 'suite-runs', base: previous, head: run.id })}>
        {previous ? 'Compare with the previous run' : 'Compare…'}
      </a>
      <button type="button" class="button" id="export-junit" onClick={() => act(() => bridge.exportSuiteRunJunit(run.id), (file) => downloadText(file.file_name, file.xml, 'application/xml'))}>
        Export JUnit
      </button>
    </div>
  );
}
