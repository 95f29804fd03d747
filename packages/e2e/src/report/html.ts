import type { History } from '../history/types.js';
import type { ChaosReport } from './build-report.js';
import { escapeXml as esc } from '@sentinel/backend/reports';
import { timelineModel } from './timeline-model.js';
import { FAULT_COLOR, OUTCOME_COLORS, STATE_COLORS, SUITE_COLORS, renderTimeline } from './html-timeline.js';
import { suiteLines } from './summary.js';

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2933;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}.pass{color:#2f855a}.fail{color:#c53030}
table{border-collapse:collapse;margin:4px 0}td,th{border:1px solid #d9dee3;padding:3px 10px;text-align:right}
th{background:#f0f2f5}td:first-child,th:first-child{text-align:left}.lane{font-size:12px;fill:#334}
.axis{font-size:10px;fill:#667;text-anchor:middle}.flabel{font-size:9px;fill:#7b241c}td.l,th.l{text-align:left}.grid{stroke:#e4e7eb}.tick{stroke:#f0f2f5}
.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:12px;vertical-align:-1px;margin-right:4px}
code{background:#f0f2f5;padding:1px 4px}.box{border:1px solid #d9dee3;padding:8px}`;

/** Length of the zoomed timeline at the start of the run. */
const DETAIL_WINDOW_MS = 15_000;

const ms = (v: number | null) => (v === null ? '-' : `${v} ms`);

function legend(): string {
  const item = (color: string, label: string) => `<span><i class="sw" style="background:${color}"></i>${esc(label)}</span>`;
  return `<div class="legend">${[
    item(FAULT_COLOR, 'fault injected (◆), pink bar = time to recover'),
    ...Object.entries(STATE_COLORS).map(([s, c]) => item(c, s)),
    item('#2c3e50', 'one live backend tree'),
    ...Object.entries(OUTCOME_COLORS).map(([o, c]) => item(c, `request ${o}`)),
    ...Object.entries(SUITE_COLORS).filter(([s]) => s !== 'unknown').map(([s, c]) => item(c, `suite run ${s}`)),
    item('#ff00aa', 'violation'),
  ].join('')}<br>Dashed lines: a host subprocess started (dark) or was killed (red).</div>`;
}

function kindTable(report: ChaosReport): string {
  const rows = Object.entries(report.faults.byKind)
    .filter(([, s]) => s.injected + s.skipped > 0)
    .map(([k, s]) => `<tr><td>${esc(k)}</td><td>${s.injected}</td><td>${s.skipped}</td><td>${s.recovered}</td><td>${ms(s.recovery.p50)}</td><td>${ms(s.recovery.p95)}</td><td>${ms(s.recovery.max)}</td></tr>`);
  const r = report.faults.recovery;
  rows.push(`<tr><th>all</th><th>${report.faults.injected}</th><th>${report.faults.skipped}</th><th>${report.faults.recovered}</th><th>${ms(r.p50)}</th><th>${ms(r.p95)}</th><th>${ms(r.max)}</th></tr>`);
  return `<table><tr><th>fault kind</th><th>injected</th><th>skipped</th><th>recovered</th><th>p50</th><th>p95</th><th>max</th></tr>${rows.join('')}</table>`;
}

function invariantTable(report: ChaosReport): string {
  const rows = report.invariants.map((inv) => {
    const status = inv.violations.length === 0 ? '<b class="pass">ok</b>' : `<b class="fail">${inv.violations.length} violations</b>`;
    const list = inv.violations.map((v) => `<div>${esc(v.message)}</div>`).join('');
    return `<tr><td>${esc(inv.name)}</td><td class="l">${esc(inv.description)}${list}</td><td>${status}</td></tr>`;
  });
  return `<table><tr><th>invariant</th><th class="l">meaning</th><th>result</th></tr>${rows.join('')}</table>`;
}

/** One self-contained HTML file (inline CSS and SVG, nothing fetched): summary, timeline, tables. */
export function formatHtml(report: ChaosReport, history: History): string {
  const violationTimes = report.invariants.flatMap((inv) => inv.violations.flatMap((v) => (v.t === undefined ? [] : [v.t])));
  const verdict = report.passed ? '<b class="pass">PASSED</b>' : `<b class="fail">FAILED: ${report.violations} violations</b>`;
  const c = report.client;
  const model = timelineModel(history, violationTimes);
  const detail = { from: model.start, to: Math.min(model.end, model.start + DETAIL_WINDOW_MS) };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sentinel-chaos seed ${report.seed}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>${CSS}</style></head><body>
<h1>sentinel-chaos report: ${verdict}</h1>
<div>seed <b>${report.seed}</b> · ${esc(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s · target <code>${esc(report.target)}</code><br>
replay: <code>${esc(report.replay)}</code></div>
<h2>Summary</h2>
<table><tr><th>faults injected</th><th>skipped</th><th>recovered</th><th>unrecovered</th><th>recovery p50</th><th>p95</th><th>max</th><th>client requests</th><th>ok</th><th>failed</th><th>interrupted</th><th>runs acknowledged</th></tr>
<tr><td>${report.faults.injected}</td><td>${report.faults.skipped}</td><td>${report.faults.recovered}</td><td>${report.faults.unrecovered}</td><td>${ms(report.faults.recovery.p50)}</td><td>${ms(report.faults.recovery.p95)}</td><td>${ms(report.faults.recovery.max)}</td><td>${c.requests}</td><td>${c.ok}</td><td>${c.failed}</td><td>${c.interrupted}</td><td>${c.acknowledgedRuns}</td></tr></table>
${report.suites.started === 0 ? '' : `<h2>Suite runs</h2>${suiteLines(report).map((line) => `<div>${esc(line)}</div>`).join('')}`}
<h2>Timeline</h2>
<div class="box">${renderTimeline(model)}${legend()}</div>
<h2>Timeline detail: the first ${Math.round(detail.to - detail.from) / 1000} s</h2>
<div class="box">${renderTimeline(model, detail)}</div>
<h2>Faults by kind</h2>${kindTable(report)}
<h2>Invariants</h2>${invariantTable(report)}
</body></html>
`;
}
