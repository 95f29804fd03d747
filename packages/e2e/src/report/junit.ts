import { formatJUnitXml, type JUnitTestCase } from '@sentinel/backend/reports';
import type { ChaosReport } from './build-report.js';

/**
 * JUnit XML for CI, written by @sentinel/backend/reports' generic writer: one test case per
 * invariant, a failure per broken one (every violation in its text), the replay command in each
 * failure's message; the seed, the replay command and the fault count as properties.
 */
export function formatJunit(report: ChaosReport): string {
  const cases = report.invariants.map((inv): JUnitTestCase => ({
    name: inv.name,
    classname: 'sentinel-chaos.invariants',
    outcome: inv.violations.length === 0
      ? { kind: 'passed' }
      : { kind: 'failure', type: 'InvariantViolation', message: `${inv.violations.length} violations; replay: ${report.replay}`, details: inv.violations.map((v) => v.message).join('\n') },
  }));
  const seconds = report.durationMs / 1000;
  return formatJUnitXml({
    name: 'sentinel-chaos',
    timeSeconds: seconds,
    suites: [{
      name: `chaos seed ${report.seed}`,
      timestamp: report.startedAt,
      timeSeconds: seconds,
      properties: {
        seed: String(report.seed),
        replay: report.replay,
        'faults.injected': String(report.faults.injected),
        'suite-runs.completed': String(report.suites.completed),
      },
      cases,
    }],
  });
}
