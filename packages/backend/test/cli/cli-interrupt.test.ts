// Ctrl-C (SIGINT) during `sentinel run`: the first stops starting cases and lets the ones in flight
// finish and be recorded, the report says what ran, exit 130; a second cuts the calls in flight.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StubBehavior } from '../../src/testing/index.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { killCliProcesses, startCli } from './helpers/cli-process.js';
import { suiteOf, writeFiles } from './helpers/files.js';
import { modelCalls, startStubs, type Stubs } from './helpers/stubs.js';

let stubs: Stubs | undefined;

afterEach(async () => {
  await killCliProcesses();
  await stubs?.close();
  stubs = undefined;
  await removeTempDirs();
});

/** A behaviour that resolves `arrived` once `count` calls have reached the stub. */
function arrivals(count: number, behavior: StubBehavior): { source: () => StubBehavior; arrived: Promise<void> } {
  let seen = 0;
  let resolve: () => void = () => undefined;
  const arrived = new Promise<void>((done) => (resolve = done));
  return {
    arrived,
    source: () => {
      seen += 1;
      if (seen === count) resolve();
      return behavior;
    },
  };
}

interface Report {
  summary: { passed: number; not_run: number; interrupted: boolean };
  suite_runs: { suite_run: { status: string }; cases: { state: string }[] }[];
}

describe('sentinel run and SIGINT', () => {
  it('the first SIGINT starts no more cases, lets the two in flight finish and be recorded, reports the rest as not run, exits 130', async () => {
    // Slow answers: the signal arrives while the first two are in flight, long before a slot frees.
    const { source, arrived } = arrivals(2, { delayMs: 1_500 });
    stubs = await startStubs({ anthropic: source });
    const dir = await makeTempDir('sentinel-cli-');
    await writeFiles(dir, { 'suite.json': suiteOf('Long', 'claude-sonnet-4-6', 6) });
    const cli = await startCli(['run', 'suite.json', '--concurrency', '2', '--json', 'report.json', '--junit', 'report.xml'], { cwd: dir, env: stubs.env });
    await arrived;
    cli.child.kill('SIGINT');
    const result = await cli.done;

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted: starting no more cases');
    expect(modelCalls(stubs.anthropic)).toBe(2);
    expect(result.stdout).toMatch(/2 passed, 0 failed, 0 errors, 4 not run \(6 cases\) in [\d.]+ s, cost \$\S+ - interrupted/);
    expect(result.stdout.match(/NOT RUN/g)).toHaveLength(4);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.summary).toMatchObject({ passed: 2, not_run: 4, interrupted: true });
    expect(report.suite_runs[0]?.suite_run.status).toBe('cancelled');
    expect(report.suite_runs[0]?.cases.map((entry) => entry.state)).toEqual(['passed', 'passed', 'not_run', 'not_run', 'not_run', 'not_run']);
    expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('tests="6" failures="0" errors="0" skipped="4"');
  });

  it('a second SIGINT cuts the calls in flight: nothing is recorded for them, and it still reports and exits 130', async () => {
    const { source, arrived } = arrivals(2, { hang: true });
    stubs = await startStubs({ anthropic: source });
    const dir = await makeTempDir('sentinel-cli-');
    await writeFiles(dir, { 'suite.json': suiteOf('Hanging', 'claude-sonnet-4-6', 4) });
    const cli = await startCli(['run', 'suite.json', '--concurrency', '2', '--json', 'report.json'], { cwd: dir, env: stubs.env });
    await arrived;
    cli.child.kill('SIGINT');
    await cli.stderrMatching(/interrupted: starting no more cases/);
    cli.child.kill('SIGINT');
    const result = await cli.done;

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('cutting the model calls in flight');
    expect(result.stdout).toMatch(/0 passed, 0 failed, 0 errors, 4 not run \(4 cases\)/);
    expect(modelCalls(stubs.anthropic)).toBe(2);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.suite_runs[0]?.cases.map((entry) => entry.state)).toEqual(['not_run', 'not_run', 'not_run', 'not_run']);
  });
});
