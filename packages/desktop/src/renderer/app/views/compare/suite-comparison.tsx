import type { CaseComparison, SuiteRunComparison } from '@sentinel/backend/contract';
import { deltaText, ms, when } from '../../components/format.js';
import { hrefOf } from '../../shell/routes.js';
import { DeltaTable } from './deltas.js';

function CaseGroup({ title, cases, kind }: { title: string; cases: readonly CaseComparison[]; kind: string }) {
  if (cases.length === 0) return null;
  return (
    <div class={`changes ${kind}`} data-group={kind}>
      <h3>
        {title} ({cases.length})
      </h3>
      <ul>
        {cases.map((item) => (
          <li key={item.name} class={item.change}>
            <span class="case-name">{item.name}</span>
            <span class="muted">
              {item.base?.state ?? '–'} → {item.head?.state ?? '–'}
              {item.latency_ms && item.latency_ms.delta !== null ? ` · latency ${deltaText(item.latency_ms, ms)}` : ''}
            </span>
            {item.base?.run_id && item.head?.run_id && <a href={hrefOf({ view: 'compare', of: 'runs', base: item.base.run_id, head: item.head.run_id })}>Compare the runs</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Two runs of a suite: regressions first, then fixed, new, removed, unchanged; pass rate and figure deltas. */
export function SuiteComparisonView({ comparison }: { comparison: SuiteRunComparison }) {
  return (
    <div class="comparison" data-regressed={String(comparison.regressions.length > 0)}>
      <p class={`notice ${comparison.regressions.length > 0 ? 'error' : 'success'}`} id="compare-verdict">
        {comparison.regressions.length > 0 ? `${comparison.regressions.length} case${comparison.regressions.length === 1 ? '' : 's'} regressed.` : 'No case regressed.'}
      </p>
      <div class="compare-sides">
        <p>
          Base: <a href={hrefOf({ view: 'suite-run', id: comparison.base.id })}>{comparison.base.suite.name}</a> · {when(comparison.base.started_at)}
        </p>
        <p>
          Head: <a href={hrefOf({ view: 'suite-run', id: comparison.head.id })}>{comparison.head.suite.name}</a> · {when(comparison.head.started_at)}
        </p>
      </div>
      <CaseGroup title="Regressions" cases={comparison.regressions} kind="regressions" />
      <CaseGroup title="Fixed" cases={comparison.fixed} kind="fixed" />
      <CaseGroup title="New cases" cases={comparison.new_cases} kind="new" />
      <CaseGroup title="Removed cases" cases={comparison.removed_cases} kind="removed" />
      <CaseGroup title="Unchanged" cases={comparison.unchanged} kind="unchanged" />
      <h3>Figures</h3>
      <DeltaTable
        rows={[
          ['passRate', comparison.pass_rate],
          ['latency', comparison.latency_ms],
          ['tokens', comparison.total_tokens],
          ['cost', comparison.cost_usd],
        ]}
      />
    </div>
  );
}
