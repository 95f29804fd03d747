import { useState } from 'preact/hooks';
import { when } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useApp } from '../../shell/context.js';
import { navigate } from '../../shell/routes.js';

function RunSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly (readonly [string, string])[]; onChange: (value: string) => void }) {
  return (
    <label class="inline" for={id}>
      {label}
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">Choose…</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Choose a test, then two of its runs. */
export function RunPicker({ base, head }: { base: string | null; head: string | null }) {
  const { bridge } = useApp();
  const [testId, setTestId] = useState<string | null>(null);
  const tests = useLoad(() => bridge.listTests(), [bridge]);
  const headRun = useLoad(async () => (head ? bridge.getRun(head) : null), [bridge, head]);
  const chosenTest = testId ?? (headRun.state === 'ready' ? (headRun.value?.test_id ?? null) : null);
  const runs = useLoad(async () => (chosenTest ? (await bridge.listRuns({ test_id: chosenTest, limit: 100 })).runs : []), [bridge, chosenTest]);
  const runOptions = runs.state === 'ready' ? runs.value.map((run) => [run.id, `${when(run.started_at)} · ${run.model} · ${run.success ? 'passed' : 'failed'}`] as const) : [];
  const go = (next: { base?: string | null; head?: string | null }): void => navigate({ view: 'compare', of: 'runs', base: next.base !== undefined ? next.base || null : base, head: next.head !== undefined ? next.head || null : head });
  return (
    <div class="toolbar compare-picker">
      <label class="inline" for="compare-test">
        Test
        <select id="compare-test" value={chosenTest ?? ''} onChange={(event) => (setTestId(event.currentTarget.value), navigate({ view: 'compare', of: 'runs', base: null, head: null }))}>
          <option value="">Choose a test…</option>
          {tests.state === 'ready' &&
            tests.value.tests.map((test) => (
              <option key={test.id} value={test.id}>
                {test.spec.name}
              </option>
            ))}
        </select>
      </label>
      <RunSelect id="compare-base" label="Base" value={base ?? ''} options={runOptions} onChange={(value) => go({ base: value })} />
      <RunSelect id="compare-head" label="Head" value={head ?? ''} options={runOptions} onChange={(value) => go({ head: value })} />
      {tests.state === 'error' && <span class="field-error">{tests.error.message}</span>}
      {chosenTest && runs.state === 'ready' && runs.value.length < 2 && <span class="muted">This test has fewer than two runs.</span>}
    </div>
  );
}

/** Choose two suite runs. */
export function SuiteRunPicker({ base, head }: { base: string | null; head: string | null }) {
  const { bridge } = useApp();
  const page = useLoad(() => bridge.listSuiteRuns({ limit: 50 }), [bridge]);
  const options = page.state === 'ready' ? page.value.suite_runs.map((run) => [run.id, `${run.suite.name} · ${when(run.started_at)} · ${run.passed}/${run.total} passed`] as const) : [];
  const go = (next: { base?: string; head?: string }): void => navigate({ view: 'compare', of: 'suite-runs', base: next.base !== undefined ? next.base || null : base, head: next.head !== undefined ? next.head || null : head });
  return (
    <div class="toolbar compare-picker">
      <RunSelect id="compare-base" label="Base" value={base ?? ''} options={options} onChange={(value) => go({ base: value })} />
      <RunSelect id="compare-head" label="Head" value={head ?? ''} options={options} onChange={(value) => go({ head: value })} />
      {page.state === 'error' && <span class="field-error">{page.error.message}</span>}
      {page.state === 'ready' && options.length < 2 && <span class="muted">There are fewer than two suite runs.</span>}
    </div>
  );
}
