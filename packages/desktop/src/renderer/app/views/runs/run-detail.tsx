import type { RunRecord } from '@sentinel/backend/contract';
import { stringify } from 'yaml';
import { ms, usd, valueText, when } from '../../components/format.js';

/** One run: verdict, metrics, each assertion with expected and actual, the output, tool calls, and the spec it ran. */
export function RunDetail({ run, compact = false }: { run: RunRecord; compact?: boolean }) {
  const passed = run.assertions.filter((assertion) => assertion.passed).length;
  return (
    <section class="card run-detail" data-success={String(run.success)} data-run-id={run.id} aria-label={`Run of ${run.name}`}>
      <div class="result-head">
        <div>
          <h2>{run.name}</h2>
          <p class="muted result-sub">
            {run.provider} · {run.model}
            {run.response_model && run.response_model !== run.model ? ` (answered by ${run.response_model})` : ''} · {when(run.started_at)}
          </p>
        </div>
        <span class={`verdict ${run.success ? 'pass' : 'fail'}`}>{run.success ? 'Passed' : 'Failed'}</span>
      </div>
      {!run.saved && <p class="notice warn">This run could not be written to the history (the disk may be full or read-only); the answer is shown anyway.</p>}
      <dl class="metrics">
        <div>
          <dt>Latency</dt>
          <dd class="metric-latency">{ms(run.latency_ms)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd class="metric-tokens">
            {run.usage.input_tokens} in{run.usage.cached_input_tokens ? ` (${run.usage.cached_input_tokens} cached)` : ''} · {run.usage.output_tokens} out
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd class="metric-cost">{usd(run.cost_usd)}</dd>
        </div>
        <div>
          <dt>Assertions</dt>
          <dd>
            {passed} / {run.assertions.length} passed
          </dd>
        </div>
      </dl>
      {run.answer_source !== 'provider' && <p class="hint">Answer from {run.answer_source === 'cache' ? 'the response cache' : 'the answer stored before a backend restart'}.</p>}
      {run.notes.length > 0 && (
        <ul class="notes">
          {run.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <h3>Assertions</h3>
      <table class="assertion-table">
        <thead>
          <tr>
            <th scope="col">Result</th>
            <th scope="col">Kind</th>
            <th scope="col">Expected</th>
            <th scope="col">Actual</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {run.assertions.map((assertion, index) => (
            <tr key={index} class={assertion.passed ? 'pass' : 'fail'}>
              <td>{assertion.passed ? '✓ pass' : '✕ fail'}</td>
              <td>{assertion.kind}</td>
              <td class="code">{valueText(assertion.expected)}</td>
              <td class="code">{valueText(assertion.actual)}</td>
              <td>{assertion.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Output</h3>
      <pre class="output">{run.output === '' ? '(no text: the model only called tools)' : run.output}</pre>
      {run.tool_calls.length > 0 && (
        <>
          <h3>Tool calls</h3>
          <ul class="tool-calls">
            {run.tool_calls.map((call, index) => (
              <li key={index}>
                <code>{call.name}</code>
                <pre class="code">{typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments, null, 2)}</pre>
              </li>
            ))}
          </ul>
        </>
      )}
      {!compact && (
        <details class="run-spec">
          <summary>The spec it ran</summary>
          <pre class="code">{stringify(run.spec, { lineWidth: 0 })}</pre>
        </details>
      )}
    </section>
  );
}
