// `sentinel run` as a real process (the committed launcher, the bundled CLI) against local stubs of
// both providers: exit codes 0 and 1, the table and summary, the JUnit and JSON reports.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/contract/run.js';
import { runRecordSchema } from '../../src/contract/schemas/run-record.js';
import { assertMatchesSchema } from '../../src/spec/schema-validator.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { killCliProcesses, runCli } from './helpers/cli-process.js';
import { specYaml, writeFiles } from './helpers/files.js';
import { readJUnit } from './helpers/junit.js';
import { ANTHROPIC_KEY, OPENAI_KEY, startStubs, type Stubs } from './helpers/stubs.js';

let stubs: Stubs | undefined;

afterEach(async () => {
  await killCliProcesses();
  await stubs?.close();
  stubs = undefined;
  await removeTempDirs();
});

const SHOP_SUITE = `name: Shop
version: "2"
defaults:
  model: claude-sonnet-4-6
  inputs:
    system_prompt: You are a shop assistant.
  assertions:
    - must_contain: Stub reply
tests:
  - name: opening hours
    inputs:
      query: When do you open?
  - name: returns
    model: gpt-4.1
    inputs:
      query: How do I return an item?
`;

interface JsonReport {
  exit_code: number;
  summary: { total: number; passed: number; failed: number; errors: number; not_run: number; interrupted: boolean };
  suite_runs: { name: string; suite_run: { id: string; status: string } | null; cases: { file: string; name: string; state: string; run: RunRecord | null; error: { code: string } | null }[] }[];
}

describe('sentinel run', () => {
  it('runs spec files for both providers and a suite with defaults, exits 0, prints a row per case and the summary, writes JUnit and JSON', async () => {
    stubs = await startStubs();
    const dir = await makeTempDir('sentinel-cli-');
    await writeFiles(dir, {
      'tests/capital.yaml': specYaml('capital', 'claude-sonnet-4-6', 'Capital of France?', 'Capital of France'),
      'tests/greeting.json': { name: 'greeting', model: 'gpt-4.1', inputs: { query: 'Say hello' }, assertions: [{ icontains: 'say hello' }] },
      'suites/shop.yaml': SHOP_SUITE,
    });
    const result = await runCli(['run', 'tests', 'suites', '--junit', 'out/report.xml', '--json', 'out/report.json', '--data-dir', 'data'], { cwd: dir, env: stubs.env });

    expect(result.stderr).not.toContain('sentinel:');
    expect(result.stderr).toContain('Running "Shop" (suites/shop.yaml): 2 cases, 4 at a time per provider');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^FILE \/ SUITE\s+CASE\s+PROVIDER\/MODEL\s+RESULT\s+LATENCY\s+COST\s+MESSAGE$/);
    expect(lines.slice(1, 5)).toEqual([
      expect.stringMatching(/^tests\/capital\.yaml\s+capital\s+anthropic\/claude-sonnet-4-6\s+PASS\s+\d+ ms\s+\$[\d.e-]+$/),
      expect.stringMatching(/^tests\/greeting\.json\s+greeting\s+openai\/gpt-4\.1\s+PASS\s+\d+ ms\s+\$[\d.e-]+$/),
      expect.stringMatching(/^suites\/shop\.yaml › Shop\s+opening hours\s+anthropic\/claude-sonnet-4-6\s+PASS/),
      expect.stringMatching(/^suites\/shop\.yaml › Shop\s+returns\s+openai\/gpt-4\.1\s+PASS/),
    ]);
    expect(lines[5]).toMatch(/^4 passed, 0 failed, 0 errors \(4 cases\) in \d+\.\d\d s, cost \$/);
    expect(lines).toHaveLength(6);

    // The suite's defaults reached both providers: its system prompt, its model for the first case.
    const sentToAnthropic = stubs.anthropic.requests.map((request) => request.body as { model: string; system?: unknown });
    expect(sentToAnthropic.filter((body) => JSON.stringify(body.system ?? '').includes('shop assistant')).map((body) => body.model)).toEqual(['claude-sonnet-4-6']);
    const sentToOpenAI = stubs.openai.requests.map((request) => JSON.stringify(request.body));
    expect(sentToOpenAI.filter((body) => body.includes('shop assistant') && body.includes('return an item'))).toHaveLength(1);

    const junit = readJUnit(await readFile(join(dir, 'out/report.xml'), 'utf8'));
    expect(junit.totals).toEqual({ tests: 4, failures: 0, errors: 0, skipped: 0 });
    expect(junit.suites.map((suite) => [suite.name, suite.file, suite.tests])).toEqual([
      ['tests/capital.yaml', 'tests/capital.yaml', 1],
      ['tests/greeting.json', 'tests/greeting.json', 1],
      ['Shop', 'suites/shop.yaml', 2],
    ]);
    expect(junit.suites.flatMap((suite) => suite.cases.map((testCase) => testCase.outcome))).toEqual(['passed', 'passed', 'passed', 'passed']);

    const report = JSON.parse(await readFile(join(dir, 'out/report.json'), 'utf8')) as JsonReport;
    expect(report.exit_code).toBe(0);
    expect(report.summary).toMatchObject({ total: 4, passed: 4, failed: 0, errors: 0, not_run: 0, interrupted: false });
    expect(report.suite_runs.map((run) => [run.name, run.suite_run?.status])).toEqual([['sentinel run', 'completed'], ['Shop', 'completed']]);
    const runs = report.suite_runs.flatMap((run) => run.cases.map((entry) => entry.run));
    for (const run of runs) assertMatchesSchema(runRecordSchema, run, 'run');
    expect(runs.map((run) => [run?.name, run?.provider, run?.success, run?.suite_run_id === null])).toEqual([
      ['capital', 'anthropic', true, false],
      ['greeting', 'openai', true, false],
      ['opening hours', 'anthropic', true, false],
      ['returns', 'openai', true, false],
    ]);
  });

  it('exits 1 on a failed assertion and on a case that could not run: the table, JUnit <failure> and <error> say why', async () => {
    stubs = await startStubs({ anthropic: (request) => (JSON.stringify(request.body).includes('explode') ? { error: { status: 400, message: 'the stub refuses this prompt' } } : {}) });
    const dir = await makeTempDir('sentinel-cli-');
    await writeFiles(dir, {
      'a-pass.yaml': specYaml('passes', 'claude-sonnet-4-6', 'hello', 'Stub reply'),
      'b-fail.yaml': specYaml('wants Paris', 'claude-sonnet-4-6', 'Capital of France?', 'Paris'),
      'c-error.yaml': specYaml('upstream error', 'claude-sonnet-4-6', 'please explode', 'anything'),
    });
    const result = await runCli(['run', '.', '--junit', 'report.xml', '--json', 'report.json'], { cwd: dir, env: stubs.env });

    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^a-pass\.yaml\s+passes\s+.*PASS/);
    expect(lines[2]).toMatch(/^b-fail\.yaml\s+wants Paris\s+.*FAIL\s+\d+ ms\s+\S+\s+output does not contain "Paris"/);
    expect(lines[3]).toMatch(/^c-error\.yaml\s+upstream error\s+.*ERROR\s+-\s+-\s+UPSTREAM_ERROR: .*the stub refuses this prompt/);
    expect(lines[4]).toMatch(/^1 passed, 1 failed, 1 error \(3 cases\)/);

    const junit = readJUnit(await readFile(join(dir, 'report.xml'), 'utf8'));
    expect(junit.totals).toEqual({ tests: 3, failures: 1, errors: 1, skipped: 0 });
    const cases = junit.suites.flatMap((suite) => suite.cases);
    expect(cases.map((testCase) => testCase.outcome)).toEqual(['passed', 'failure', 'error']);
    expect(cases[1]?.message).toMatch(/^output does not contain "Paris"/);
    expect(cases[2]?.message).toMatch(/^UPSTREAM_ERROR: .*the stub refuses this prompt/);

    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as JsonReport;
    expect(report.exit_code).toBe(1);
    expect(report.suite_runs[0]?.cases.map((entry) => [entry.state, entry.error?.code ?? null, entry.run === null])).toEqual([
      ['passed', null, false],
      ['failed', null, false],
      ['error', 'UPSTREAM_ERROR', true],
    ]);
    // No key is ever printed or written.
    const written = result.stdout + result.stderr + (await readFile(join(dir, 'report.xml'), 'utf8')) + (await readFile(join(dir, 'report.json'), 'utf8'));
    for (const key of [ANTHROPIC_KEY, OPENAI_KEY]) expect(written).not.toContain(key);
  });

  it('prints its usage with --help and its version with --version, exit 0', async () => {
    const dir = await makeTempDir('sentinel-cli-');
    const help = await runCli(['--help'], { cwd: dir });
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toMatch(/^Usage: sentinel <command>/);
    const runHelp = await runCli(['run', '--help'], { cwd: dir });
    expect(runHelp.stdout).toMatch(/^Usage: sentinel run <files or folders\.\.\.> \[options\]/);
    for (const option of ['--junit', '--json', '--concurrency', '--cache', '--data-dir', '--quiet']) expect(runHelp.stdout).toContain(option);
    const version = await runCli(['--version'], { cwd: dir });
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});
