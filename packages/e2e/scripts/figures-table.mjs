// Prints the README's figures from a sentinel-chaos report.json: the per-kind recovery table and the
// suite-run lines.  Usage: node scripts/figures-table.mjs <report.json>
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node scripts/figures-table.mjs <report.json>');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const ms = (v) => (v === null ? '-' : `${v} ms`);
const rows = ['| fault kind | injected | skipped | recovered | recovery p50 | p95 | max |', '|---|---:|---:|---:|---:|---:|---:|'];
for (const [kind, s] of Object.entries(report.faults.byKind)) {
  if (s.injected + s.skipped === 0) continue;
  rows.push(`| ${kind} | ${s.injected} | ${s.skipped} | ${s.recovered} | ${ms(s.recovery.p50)} | ${ms(s.recovery.p95)} | ${ms(s.recovery.max)} |`);
}
const f = report.faults;
rows.push(`| **all** | **${f.injected}** | **${f.skipped}** | **${f.recovered}** | **${ms(f.recovery.p50)}** | **${ms(f.recovery.p95)}** | **${ms(f.recovery.max)}** |`);
console.log(rows.join('\n'));
const c = report.client;
const s = report.suites;
const repaid = report.invariants.find((inv) => inv.name === 'no-answer-paid-twice')?.violations.length ?? 0;
console.log(`
duration ${(report.durationMs / 1000).toFixed(1)} s; client requests ${c.requests} (ok ${c.ok}, failed ${c.failed}, interrupted ${c.interrupted}); runs acknowledged ${c.acknowledgedRuns}; violations ${report.violations}
suite runs ${s.started} started: ${s.acknowledged} acknowledged, ${s.interrupted} starts cut off (${s.lost} never created), ${s.refused} refused; ${s.completed} completed, ${s.cancelled} cancelled by the client, ${s.running} left running; faults while suites in flight ${s.faultsDuring}; stream reconnections ${s.streamReconnects}
cases ${s.cases}: ${s.recorded} recorded, ${s.errored} errored, ${s.pending} pending after a cancel; answers resumed ${s.resumedAnswers}, cached ${s.cachedAnswers}
model calls ${s.modelCalls}, repeated ${s.repeatedCalls} (${s.repaidAfterCrash} after an answered call), repeated for a stored answer ${repaid}`);
