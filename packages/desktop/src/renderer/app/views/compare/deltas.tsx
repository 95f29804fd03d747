import type { MetricDelta } from '@sentinel/backend/contract';
import { deltaText, ms, percent, usd } from '../../components/format.js';

const UNITS = {
  latency: { label: 'Latency', format: ms },
  tokens: { label: 'Tokens', format: (value: number) => String(Math.round(value)) },
  cost: { label: 'Cost', format: usd },
  passRate: { label: 'Pass rate', format: (value: number) => percent(value) },
} as const;

/** Base, head and the change of each figure; a change past its threshold is flagged. */
export function DeltaTable({ rows }: { rows: readonly (readonly [keyof typeof UNITS, MetricDelta])[] }) {
  return (
    <table class="delta-table" aria-label="Changes">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Base</th>
          <th scope="col">Head</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([unit, delta]) => {
          const { label, format } = UNITS[unit];
          return (
            <tr key={unit} class={delta.flagged ? 'flagged' : ''} data-metric={unit}>
              <th scope="row">{label}</th>
              <td>{delta.base === null ? '–' : format(delta.base)}</td>
              <td>{delta.head === null ? '–' : format(delta.head)}</td>
              <td>
                {deltaText(delta, format)}
                {delta.flagged && <span class="flag"> past the threshold</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
