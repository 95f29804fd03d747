import { ms } from '../../components/format.js';
import { hrefOf } from '../../shell/routes.js';
import { isFinished, type LiveSuiteRun } from './suite-run-state.js';

const STATE_TEXT = { pending: 'Waiting', running: 'Running…', passed: 'Passed', failed: 'Failed', error: 'Error' } as const;

/** Each case's result in the order it landed, then the cases still running or waiting. */
export function CaseResults({ live }: { live: LiveSuiteRun }) {
  const byIndex = new Map(live.run.cases.map((item) => [item.index, item]));
  const landed = live.landed.map((index) => byIndex.get(index)).filter((item) => item !== undefined);
  const waiting = live.run.cases.filter((item) => !isFinished(item.state));
  return (
    <div class="case-results">
      <h2>Results</h2>
      {landed.length === 0 && <p class="muted">No case has finished yet.</p>}
      <ol class="case-list" aria-label="Case results">
        {landed.map((item) => {
          const record = live.records[item.index];
          return (
            <li key={item.index} class={`case ${item.state}`} data-index={item.index} data-state={item.state}>
              <span class={`verdict ${item.state === 'passed' ? 'pass' : 'fail'}`}>{STATE_TEXT[item.state]}</span>
              <span class="case-name">{item.name}</span>
              <span class="muted">{record ? `${ms(record.latency_ms)} · ${record.usage.output_tokens} tokens` : ''}</span>
              {item.error && <span class="field-error">{item.error.message}</span>}
              {item.run_id && <a href={hrefOf({ view: 'run-detail', id: item.run_id })}>Details</a>}
            </li>
          );
        })}
      </ol>
      {waiting.length > 0 && (
        <p class="muted" id="cases-waiting">
          {waiting.filter((item) => item.state === 'running').length} running, {waiting.filter((item) => item.state === 'pending').length} waiting
        </p>
      )}
    </div>
  );
}
