import type { ChaosReport } from '../report/build-report.js';

export const EXIT_PASSED = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_USAGE = 2;
export const EXIT_RUNNER_FAILED = 3;

/** 0 when every invariant held, 1 on any violation. */
export function exitCodeFor(report: ChaosReport): number {
  return report.passed && report.violations === 0 ? EXIT_PASSED : EXIT_VIOLATIONS;
}
