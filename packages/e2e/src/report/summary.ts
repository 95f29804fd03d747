import type { ChaosReport } from './build-report.js';
import type { DurationStats } from './stats.js';

const ms = (v: number | null) => (v === null ? '-' : `${v}ms`);
const stats = (s: DurationStats) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`;

/** The suite-run lines of the summary (none for a run without suites). */
export function suiteLines(report: ChaosReport): string[] {
  const s = report.suites;
  if (s.started === 0) return [];
  const repaidJournaled = report.invariants.find((inv) => inv.name === 'no-answer-paid-twice')?.violations.length ?? 0;
  return [
    `suite runs: ${s.started} started (${s.acknowledged} acknowledged, ${s.interrupted} starts cut off by a crash, ${s.lost} of them never created, ${s.refused} refused), ` +
      `${s.completed} completed, ${s.cancelled} cancelled by the client, ${s.running} left running; ${s.faultsDuring} faults struck while suite runs were in flight; ${s.streamReconnects} event-stream reconnections`,
    `suite cases: ${s.cases} (${s.recorded} recorded exactly once, ${s.errored} errored, ${s.pending} left pending by a cancel); answers resumed from the journal: ${s.resumedAnswers}, from the cache: ${s.cachedAnswers}`,
    `model calls for suite cases: ${s.modelCalls}; repeated: ${s.repeatedCalls} (${s.repaidAfterCrash} of them after an answered call); repeated for an answer already stored: ${repaidJournaled}`,
  ];
}

/** The summary for people: faults by kind, recoveries, percentiles, each violation with its replay seed. */
export function formatSummary(report: ChaosReport): string {
  const lines: string[] = [];
  lines.push(`sentinel-chaos: ${report.passed ? 'PASSED' : 'FAILED'}  seed ${report.seed}  (${(report.durationMs / 1000).toFixed(1)}s, target: ${report.target})`);
  lines.push(`faults injected: ${report.faults.injected}, skipped: ${report.faults.skipped}, recovered: ${report.faults.recovered}, unrecovered: ${report.faults.unrecovered}`);
  lines.push(`recovery time: ${stats(report.faults.recovery)}`);
  lines.push('');
  lines.push(`${'fault kind'.padEnd(18)}${'injected'.padStart(9)}${'skipped'.padStart(9)}${'recovered'.padStart(10)}   recovery`);
  for (const [kind, s] of Object.entries(report.faults.byKind)) {
    if (s.injected === 0 && s.skipped === 0) continue;
    lines.push(`${kind.padEnd(18)}${String(s.injected).padStart(9)}${String(s.skipped).padStart(9)}${String(s.recovered).padStart(10)}   ${stats(s.recovery)}`);
  }
  lines.push('');
  const c = report.client;
  lines.push(`client requests: ${c.requests} (ok ${c.ok}, failed ${c.failed}, interrupted ${c.interrupted}); runs acknowledged: ${c.acknowledgedRuns}`);
  for (const line of suiteLines(report)) lines.push(line);
  lines.push('');
  for (const inv of report.invariants) {
    lines.push(`${inv.violations.length === 0 ? 'ok  ' : 'FAIL'} ${inv.name} (${inv.violations.length} violations)`);
  }
  if (report.violations > 0) {
    lines.push('');
    lines.push(`violations (${report.violations}) - replay with: ${report.replay}`);
    for (const inv of report.invariants) {
      for (const v of inv.violations) {
        const at = v.t === undefined ? '' : ` at ${new Date(v.t).toISOString()}`;
        lines.push(`  [${v.invariant}] seed ${report.seed}${at}: ${v.message}`);
      }
    }
  }
  return lines.join('\n');
}
