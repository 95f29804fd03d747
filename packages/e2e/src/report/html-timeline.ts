import type { TimelineModel } from './timeline-model.js';
import { escapeXml } from '@sentinel/backend/reports';

export const STATE_COLORS: Readonly<Record<string, string>> = {
  starting: '#f2c14e', ready: '#3aa76d', unhealthy: '#e07b39', backoff: '#8e7cc3',
  stopping: '#5b8def', stopped: '#9aa5b1', failed: '#d64545', idle: '#d9dee3',
};
export const OUTCOME_COLORS: Readonly<Record<string, string>> = { ok: '#3aa76d', error: '#d64545', interrupted: '#e07b39', pending: '#000000' };
export const FAULT_COLOR = '#c0392b';
export const SUITE_COLORS: Readonly<Record<string, string>> = { completed: '#3aa76d', cancelled: '#5b8def', running: '#d64545', unknown: '#d64545', 'not created': '#9aa5b1' };

const WIDTH = 1400;
const LEFT = 130;
const LANE = 34;
const LANES = ['faults', 'supervisor state', 'backend trees', 'health', 'execute', 'suite runs'] as const;

/** A time window of the run to draw, in epoch ms. */
export interface TimeWindow { readonly from: number; readonly to: number }

/**
 * A self-contained SVG timeline: one lane per concern, hover titles for details. With a short
 * `window` (a zoomed detail), faults are labelled with their kind and moment.
 */
export function renderTimeline(model: TimelineModel, window: TimeWindow = { from: model.start, to: model.end }): string {
  const span = Math.max(1, window.to - window.from);
  const clamp = (t: number) => Math.min(window.to, Math.max(window.from, t));
  const x = (t: number) => LEFT + ((clamp(t) - window.from) / span) * (WIDTH - LEFT - 10);
  const inWindow = (from: number, to: number) => to >= window.from && from <= window.to;
  const labels = span <= 30_000;
  const y = (lane: (typeof LANES)[number]) => 24 + LANES.indexOf(lane) * LANE;
  const parts: string[] = [];
  LANES.forEach((lane) => {
    parts.push(`<text x="4" y="${y(lane) + 17}" class="lane">${lane}</text>`);
    parts.push(`<line x1="${LEFT}" x2="${WIDTH - 10}" y1="${y(lane) + LANE - 4}" y2="${y(lane) + LANE - 4}" class="grid"/>`);
  });
  const step = span > 120_000 ? 30_000 : span > 30_000 ? 10_000 : span > 8_000 ? 2_000 : 500;
  const offset = window.from - model.start;
  for (let t = Math.ceil(offset / step) * step; t <= offset + span; t += step) {
    parts.push(`<line x1="${x(model.start + t)}" x2="${x(model.start + t)}" y1="18" y2="${24 + LANES.length * LANE}" class="tick"/>`);
    parts.push(`<text x="${x(model.start + t)}" y="12" class="axis">${(t / 1000).toFixed(t % 1000 === 0 ? 0 : 1)}s</text>`);
  }
  for (const h of model.hosts.filter((m) => inWindow(m.t, m.t))) {
    const color = h.phase === 'spawned' ? '#2c3e50' : FAULT_COLOR;
    parts.push(`<line x1="${x(h.t)}" x2="${x(h.t)}" y1="${y('supervisor state') - 3}" y2="${y('backend trees') + LANE - 4}" stroke="${color}" stroke-dasharray="3 2"><title>host ${h.host} ${h.phase}</title></line>`);
  }
  for (const s of model.states.filter((seg) => inWindow(seg.from, seg.to))) {
    const w = Math.max(0.5, x(s.to) - x(s.from));
    parts.push(`<rect x="${x(s.from)}" y="${y('supervisor state')}" width="${w}" height="${LANE - 10}" fill="${STATE_COLORS[s.label] ?? '#ccc'}"><title>host ${s.host}: ${escapeXml(s.label)} ${Math.round(s.to - s.from)}ms</title></rect>`);
  }
  for (const s of model.trees.filter((seg) => inWindow(seg.from, seg.to))) {
    const w = Math.max(0.5, x(s.to) - x(s.from));
    const fill = s.label === '1' ? '#2c3e50' : FAULT_COLOR;
    parts.push(`<rect x="${x(s.from)}" y="${y('backend trees') + (s.label === '1' ? 8 : 0)}" width="${w}" height="${s.label === '1' ? LANE - 18 : LANE - 10}" fill="${fill}"><title>${s.label} live backend tree(s)</title></rect>`);
  }
  for (const f of model.faults.filter((m) => inWindow(m.t, m.recoveredAt ?? m.t))) {
    const top = y('faults');
    if (labels && f.t >= window.from) parts.push(`<text x="${x(f.t) + 5}" y="${f.index % 2 === 0 ? top + 6 : top + 31}" class="flabel">#${f.index} ${escapeXml(f.kind)}@${f.moment}</text>`);
    if (f.recoveredAt !== null) {
      parts.push(`<rect x="${x(f.t)}" y="${top + 9}" width="${Math.max(1, x(f.recoveredAt) - x(f.t))}" height="8" fill="#f5b7b1"><title>#${f.index} ${f.kind}@${f.moment}: recovered in ${Math.round(f.recoveredAt - f.t)}ms</title></rect>`);
    }
    const shape = f.skipped ? `stroke="${FAULT_COLOR}" fill="white"` : `fill="${FAULT_COLOR}"`;
    parts.push(`<path d="M${x(f.t)},${top + 4} l4,9 l-4,9 l-4,-9 z" ${shape}><title>#${f.index} ${f.kind}@${f.moment}${f.skipped ? ' (skipped)' : ''}</title></path>`);
  }
  for (const r of model.requests) {
    if (r.op === 'listRuns' || !inWindow(r.t, r.end)) continue;
    const lane = r.op === 'health' ? 'health' : 'execute';
    const w = Math.max(1, x(r.end) - x(r.t));
    parts.push(`<rect x="${x(r.t)}" y="${y(lane) + 6}" width="${w}" height="${LANE - 16}" fill="${OUTCOME_COLORS[r.outcome] ?? '#000'}" opacity="0.85"><title>${r.op} ${r.outcome} ${Math.round(r.end - r.t)}ms</title></rect>`);
  }
  for (const r of model.suites) {
    if (!inWindow(r.from, r.to)) continue;
    const w = Math.max(1, x(r.to) - x(r.from) - 1);
    parts.push(`<rect x="${x(r.from)}" y="${y('suite runs') + 6}" width="${w}" height="${LANE - 16}" fill="${SUITE_COLORS[r.status] ?? '#000'}" opacity="0.85"><title>suite ${escapeXml(r.key)} (${escapeXml(r.kind)}, ${r.cases} cases): ${escapeXml(r.status)} ${Math.round(r.to - r.from)}ms</title></rect>`);
  }
  for (const t of model.violations.filter((v) => inWindow(v, v))) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="18" y2="${24 + LANES.length * LANE}" stroke="#ff00aa" stroke-width="2"><title>violation</title></line>`);
  }
  const height = 30 + LANES.length * LANE;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="chaos timeline">${parts.join('')}</svg>`;
}
