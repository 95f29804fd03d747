import { useState } from 'preact/hooks';
import type { LibraryKind, RunRecord } from '@sentinel/backend/contract';
import { toUiError, type UiError } from '../../bridge/ui-error.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { hrefOf, navigate } from '../../shell/routes.js';
import { useShortcut } from '../../shell/shortcuts.js';
import { RunDetail } from '../runs/run-detail.js';
import { RecentSuiteRuns } from './recent-suite-runs.js';

/** Run one test or a whole suite of the library (Ctrl+Enter); with nothing chosen, a list to choose from. */
export function RunView({ kind, id }: { kind: LibraryKind | null; id: string | null }) {
  if (!kind || !id) return <RunPicker />;
  return kind === 'test' ? <RunTest id={id} /> : <RunSuite id={id} />;
}

function RunTest({ id }: { id: string }) {
  const { bridge } = useApp();
  const test = useLoad(() => bridge.getTest(id), [bridge, id]);
  const [state, setState] = useState<{ busy: boolean; result: RunRecord | null; error: UiError | null }>({ busy: false, result: null, error: null });
  const run = (): void => {
    if (state.busy) return;
    setState({ busy: true, result: null, error: null });
    bridge.execute({ test_id: id }).then(
      (result) => setState({ busy: false, result, error: null }),
      (error: unknown) => setState({ busy: false, result: null, error: toUiError(error) }),
    );
  };
  useShortcut('run', run);
  if (test.state === 'loading') return <Loading label="Loading the test…" />;
  if (test.state === 'error') return <ErrorState title="The test could not be loaded" error={test.error} onRetry={test.reload} />;
  return (
    <section class="run-view" aria-labelledby="run-title">
      <div class="view-head">
        <div>
          <h1 id="run-title">Run “{test.value.spec.name}”</h1>
          <p class="muted">
            {test.value.spec.model} · {test.value.spec.assertions.length} assertions · <a href={hrefOf({ view: 'editor', kind: 'test', id, draft: null })}>Edit</a>
          </p>
        </div>
        <button type="button" class="button primary" id="run-button" onClick={run} disabled={state.busy} title="Ctrl+Enter">
          {state.busy ? 'Running…' : 'Run test'}
        </button>
      </div>
      {state.busy && <Loading label={`Asking ${test.value.spec.model}…`} />}
      {state.error && <ErrorState title={state.error.code === 'RUN_INTERRUPTED' || state.error.code === 'DESKTOP_ERR_RUN_INTERRUPTED' ? 'Run interrupted' : 'The run did not complete'} error={state.error} />}
      {state.result && <RunDetail run={state.result} />}
      {!state.busy && !state.result && !state.error && <Empty title="Not run yet.">Press Run test (Ctrl+Enter): the answer, each assertion, latency, tokens and cost appear here.</Empty>}
    </section>
  );
}

function RunSuite({ id }: { id: string }) {
  const { bridge } = useApp();
  const suite = useLoad(() => bridge.getSuite(id), [bridge, id]);
  const [options, setOptions] = useState({ concurrency: 4, cache: false });
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const start = (): void => {
    if (busy) return;
    setBusy(true);
    bridge.startSuiteRun({ suite_id: id, concurrency: options.concurrency, cache: options.cache }).then(
      (run) => navigate({ view: 'suite-run', id: run.id }),
      (caught: unknown) => (setError(toUiError(caught)), setBusy(false)),
    );
  };
  useShortcut('run', start);
  if (suite.state === 'loading') return <Loading label="Loading the suite…" />;
  if (suite.state === 'error') return <ErrorState title="The suite could not be loaded" error={suite.error} onRetry={suite.reload} />;
  return (
    <section class="run-view" aria-labelledby="run-title">
      <div class="view-head">
        <div>
          <h1 id="run-title">Run suite “{suite.value.suite.name}”</h1>
          <p class="muted">{suite.value.suite.tests.length} tests</p>
        </div>
        <button type="button" class="button primary" id="run-button" onClick={start} disabled={busy} title="Ctrl+Enter">
          {busy ? 'Starting…' : 'Start run'}
        </button>
      </div>
      <div class="field-row">
        <label class="inline">
          Concurrency per provider
          <input type="number" min={1} max={32} value={options.concurrency} onInput={(event) => setOptions({ ...options, concurrency: Math.max(1, Number(event.currentTarget.value) || 1) })} />
        </label>
        <label class="check">
          <input type="checkbox" checked={options.cache} onChange={(event) => setOptions({ ...options, cache: event.currentTarget.checked })} />
          Use the response cache (re-running without paying again)
        </label>
      </div>
      {error && <ErrorState title="The suite run could not start" error={error} />}
      <RecentSuiteRuns suiteId={id} />
    </section>
  );
}

function RunPicker() {
  const { bridge } = useApp();
  const items = useLoad(() => Promise.all([bridge.listTests(), bridge.listSuites()]), [bridge]);
  if (items.state === 'loading') return <Loading label="Loading the library…" />;
  if (items.state === 'error') return <ErrorState title="The library could not be loaded" error={items.error} onRetry={items.reload} />;
  const [tests, suites] = items.value;
  return (
    <section class="run-view" aria-labelledby="run-title">
      <h1 id="run-title">Run</h1>
      {tests.tests.length + suites.suites.length === 0 && <Empty title="Nothing to run yet: create or import a test in the Library." />}
      <ul class="library-list">
        {[...suites.suites, ...tests.tests].map((item) => (
          <li key={`${item.kind}:${item.id}`} class="library-item">
            <a class="library-name" href={hrefOf({ view: 'run', kind: item.kind, id: item.id })}>
              <span class={`kind-badge ${item.kind}`}>{item.kind}</span>
              {item.kind === 'test' ? item.spec.name : item.suite.name}
            </a>
          </li>
        ))}
      </ul>
      <RecentSuiteRuns />
    </section>
  );
}
