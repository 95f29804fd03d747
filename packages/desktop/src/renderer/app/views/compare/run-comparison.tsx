import type { AssertionChange, RunComparison } from '@sentinel/backend/contract';
import { valueText, when } from '../../components/format.js';
import { hrefOf } from '../../shell/routes.js';
import { DeltaTable } from './deltas.js';
import { OutputDiff } from './output-diff.js';

const CHANGE_TEXT = { regression: 'Regression', fixed: 'Fixed', unchanged: 'Unchanged', added: 'Added', removed: 'Removed' } as const;

function ChangeList({ title, changes, kind }: { title: string; changes: readonly AssertionChange[]; kind: string }) {
  if (changes.length === 0) return null;
  return (
    <div class={`changes ${kind}`} data-group={kind}>
      <h3>
        {title} ({changes.length})
      </h3>
      <ul>
        {changes.map((change) => (
          <li key={`${change.index}-${change.kind}`} class={change.change}>
            <span class="verdict">{CHANGE_TEXT[change.change]}</span> #{change.index + 1} {change.kind} <code>{valueText(change.expected)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Two runs of one test: regressions first, then fixed, the rest; metric deltas; the output diff. */
export function RunComparisonView({ comparison }: { comparison: RunComparison }) {
  const { base, head } = comparison;
  const rest = comparison.assertions.filter((change) => change.change !== 'regression' && change.change !== 'fixed');
  return (
    <div class="comparison" data-regressed={String(comparison.regressed)}>
      <p class={`notice ${comparison.regressed ? 'error' : 'success'}`} id="compare-verdict">
        {comparison.regressed ? `Regressed: ${comparison.regressions.length} assertion${comparison.regressions.length === 1 ? '' : 's'} went from pass to fail${comparison.regressions.length === 0 ? ' (a figure is past its threshold)' : ''}.` : 'No regression.'}
      </p>
      <div class="compare-sides">
        <p>
          Base: <a href={hrefOf({ view: 'run-detail', id: base.id })}>{base.name}</a> · {base.model} · {when(base.started_at)} · {base.success ? 'passed' : 'failed'}
        </p>
        <p>
          Head: <a href={hrefOf({ view: 'run-detail', id: head.id })}>{head.name}</a> · {head.model} · {when(head.started_at)} · {head.success ? 'passed' : 'failed'}
        </p>
      </div>
      <ChangeList title="Regressions" changes={comparison.regressions} kind="regressions" />
      <ChangeList title="Fixed" changes={comparison.fixed} kind="fixed" />
      <ChangeList title="Other assertions" changes={rest} kind="rest" />
      <h3>Figures</h3>
      <DeltaTable
        rows={[
          ['latency', comparison.latency_ms],
          ['tokens', comparison.total_tokens],
          ['cost', comparison.cost_usd],
        ]}
      />
      <p class="hint">
        Flagged past {Math.round(comparison.thresholds.latency * 100)} % latency, {Math.round(comparison.thresholds.tokens * 100)} % tokens, {Math.round(comparison.thresholds.cost * 100)} % cost.
      </p>
      <h3>Output diff</h3>
      <OutputDiff lines={comparison.output_diff} truncated={comparison.output_diff_truncated} />
    </div>
  );
}
