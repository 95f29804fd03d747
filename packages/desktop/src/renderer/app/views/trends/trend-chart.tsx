import type { RunRecord } from '@sentinel/backend/contract';
import { ms, when } from '../../components/format.js';
import { hrefOf } from '../../shell/routes.js';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 48, right: 12, top: 30, bottom: 22 };
const STRIP_Y = 12;

/** A round figure at or above `value` for the latency axis. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((step) => step >= value) ?? 10 * power;
}

/**
 * Pass/fail and latency of a test's runs, oldest on the left: a strip of pass (green) and fail
 * (red) marks, and the latency line under it. Plain SVG: each run is an element with its own
 * title and link, so it is readable by a screen reader and testable.
 */
export function TrendChart({ runs, label }: { runs: readonly RunRecord[]; label: string }) {
  const ordered = [...runs].sort((a, b) => Date.parse(a.started_at) - Date.parse(b.started_at));
  const top = niceCeiling(Math.max(...ordered.map((run) => run.latency_ms), 1));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number): number => PAD.left + (ordered.length === 1 ? plotWidth / 2 : (index / (ordered.length - 1)) * plotWidth);
  const y = (latency: number): number => PAD.top + plotHeight - (latency / top) * plotHeight;
  const passed = ordered.filter((run) => run.success).length;
  const line = ordered.map((run, index) => `${x(index).toFixed(1)},${y(run.latency_ms).toFixed(1)}`).join(' ');
  return (
    <svg class="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${label}: ${ordered.length} run${ordered.length === 1 ? '' : 's'}, ${passed} passed; latency up to ${ms(Math.max(...ordered.map((run) => run.latency_ms)))}`}>
      <line class="axis" x1={PAD.left} y1={PAD.top + plotHeight} x2={WIDTH - PAD.right} y2={PAD.top + plotHeight} />
      <line class="grid" x1={PAD.left} y1={PAD.top} x2={WIDTH - PAD.right} y2={PAD.top} />
      <text class="axis-label" x={PAD.left - 6} y={PAD.top + 4} text-anchor="end">
        {ms(top)}
      </text>
      <text class="axis-label" x={PAD.left - 6} y={PAD.top + plotHeight + 4} text-anchor="end">
        0
      </text>
      <text class="axis-label" x={PAD.left} y={HEIGHT - 4}>
        {when(ordered[0]?.started_at)}
      </text>
      <text class="axis-label" x={WIDTH - PAD.right} y={HEIGHT - 4} text-anchor="end">
        {when(ordered.at(-1)?.started_at)}
      </text>
      <polyline class="latency-line" points={line} />
      {ordered.map((run, index) => (
        <a key={run.id} href={hrefOf({ view: 'run-detail', id: run.id })} class="trend-run" data-run-id={run.id} data-passed={String(run.success)}>
          <title>{`${when(run.started_at)}: ${run.success ? 'passed' : 'failed'}, ${ms(run.latency_ms)}`}</title>
          <rect class={`strip ${run.success ? 'pass' : 'fail'}`} x={x(index) - 4} y={STRIP_Y - 6} width={8} height={12} rx={2} />
          <circle class={`latency-point ${run.success ? 'pass' : 'fail'}`} cx={x(index)} cy={y(run.latency_ms)} r={3.5} />
        </a>
      ))}
    </svg>
  );
}
