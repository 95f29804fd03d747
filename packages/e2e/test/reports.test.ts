import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build-report.js';
import { formatSummary } from '../src/report/summary.js';
import { formatJunit } from '../src/report/junit.js';
import { formatHtml } from '../src/report/html.js';
import { durationStats, percentile } from '../src/report/stats.js';
import { exitCodeFor } from '../src/cli/exit-code.js';
import { healthyLife, history, variant } from './support/histories.js';
import { lifeWithSuites } from './support/suite-histories.js';

const meta = { replay: 'sentinel-chaos --seed 42 --faults 1', target: 'test backend' };
const passing = buildReport(history(healthyLife()), meta);
const brokenHistory = variant((e) => e.type === 'leftovers', [{ type: 'leftovers', t: 400, pids: [4242] }]);
const failing = buildReport(brokenHistory, meta);

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(durationStats([3, 1, 2])).toEqual({ count: 3, p50: 2, p95: 3, max: 3 });
    expect(durationStats([])).toEqual({ count: 0, p50: null, p95: null, max: null });
  });
});

describe('reports', () => {
  it('counts faults by kind with their recovery time', () => {
    expect(passing.faults.injected).toBe(1);
    expect(passing.faults.byKind['sigkill']).toMatchObject({ injected: 1, recovered: 1, recovery: { p50: 160, max: 160 } });
    expect(passing.client).toEqual({ requests: 1, ok: 1, failed: 0, interrupted: 0, acknowledgedRuns: 1 });
    expect(passing.passed).toBe(true);
  });

  it('summary lists each violation with the seed that replays it', () => {
    expect(formatSummary(passing)).toMatch(/^sentinel-chaos: PASSED {2}seed 42/);
    const text = formatSummary(failing);
    expect(text).toMatch(/FAILED/);
    expect(text).toContain('replay with: sentinel-chaos --seed 42 --faults 1');
    expect(text).toContain('[nothing-left-running] seed 42');
    expect(text).toContain('pids 4242');
  });

  it('JUnit has a test case per invariant and a failure per broken one', () => {
    const xml = formatJunit(failing);
    expect(xml.match(/<testcase /g)).toHaveLength(failing.invariants.length);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('failures="1"');
    expect(xml).toContain('name="nothing-left-running"');
    expect(xml).toContain('replay: sentinel-chaos --seed 42');
    expect(formatJunit(passing)).not.toContain('<failure');
  });

  it('HTML is one self-contained file with a timeline, a legend and the tables', () => {
    const html = formatHtml(failing, brokenHistory);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).toContain('<svg');
    expect(html).toContain('supervisor state');
    expect(html).toContain('FAILED: 1 violations');
    expect(html).toContain('pids 4242');
    expect(html).toContain('class="legend"');
  });

  it('the exit code is non-zero on any violation', () => {
    expect(exitCodeFor(passing)).toBe(0);
    expect(exitCodeFor(failing)).toBe(1);
  });

  it('counts the suite runs: through how many faults, their cases, the model calls and their repeats', () => {
    const withSuites = history(lifeWithSuites());
    const report = buildReport(withSuites, meta);
    expect(report.suites).toEqual({
      started: 4, acknowledged: 4, interrupted: 0, lost: 0, refused: 0, completed: 3, cancelled: 1, running: 0,
      cases: 7, recorded: 6, errored: 0, pending: 1, faultsDuring: 1, streamReconnects: 1, resumedAnswers: 0, cachedAnswers: 1,
      modelCalls: 8, repeatedCalls: 2, repaidAfterCrash: 1,
    });
    const text = formatSummary(report);
    expect(text).toContain('suite runs: 4 started (4 acknowledged, 0 starts cut off by a crash, 0 of them never created, 0 refused), 3 completed, 1 cancelled by the client');
    expect(text).toContain('model calls for suite cases: 8; repeated: 2 (1 of them after an answered call); repeated for an answer already stored: 0');
    expect(formatSummary(passing)).not.toContain('suite runs:');
    const html = formatHtml(report, withSuites);
    expect(html).toContain('<h2>Suite runs</h2>');
    expect(html).toContain('suite s2 (cancel, 2 cases): cancelled');
  });
});
