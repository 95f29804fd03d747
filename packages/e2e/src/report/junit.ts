import type { ChaosReport } from './build-report.js';

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** JUnit XML for CI: one test case per invariant, a failure per violation, the replay seed in each failure. */
export function formatJunit(report: ChaosReport): string {
  const cases = report.invariants.map((inv) => {
    const open = `    <testcase classname="sentinel-chaos.invariants" name="${escapeXml(inv.name)}" time="0">`;
    if (inv.violations.length === 0) return `${open}</testcase>`;
    const body = inv.violations.map((v) => v.message).join('\n');
    const message = `${inv.violations.length} violations; replay: ${report.replay}`;
    return `${open}\n      <failure message="${escapeXml(message)}" type="InvariantViolation">${escapeXml(body)}</failure>\n    </testcase>`;
  });
  const failures = report.invariants.filter((inv) => inv.violations.length > 0).length;
  const seconds = (report.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sentinel-chaos" tests="${report.invariants.length}" failures="${failures}" time="${seconds}">`,
    `  <testsuite name="chaos seed ${report.seed}" tests="${report.invariants.length}" failures="${failures}" errors="0" time="${seconds}" timestamp="${report.startedAt}">`,
    '    <properties>',
    `      <property name="seed" value="${report.seed}"/>`,
    `      <property name="replay" value="${escapeXml(report.replay)}"/>`,
    `      <property name="faults.injected" value="${report.faults.injected}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
