// `--cache` (a second run makes no model calls) and `--concurrency` (the stub never sees more cases
// in flight than asked), with the CLI as a real process.
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { killCliProcesses, runCli } from './helpers/cli-process.js';
import { suiteOf, writeFiles } from './helpers/files.js';
import { modelCalls, startStubs, type Stubs } from './helpers/stubs.js';

let stubs: Stubs | undefined;

afterEach(async () => {
  await killCliProcesses();
  await stubs?.close();
  stubs = undefined;
  await removeTempDirs();
});

describe('sentinel run --cache', () => {
  it('answers a second run from the response cache kept in the data directory: no model call; without --cache it calls again', async () => {
    stubs = await startStubs();
    const dir = await makeTempDir('sentinel-cli-');
    const suite = suiteOf('Cached', 'claude-sonnet-4-6', 3) as { tests: object[] };
    await writeFiles(dir, { 'suite.json': { ...suite, tests: [...suite.tests, { name: 'openai case', model: 'gpt-4.1', inputs: { query: 'q' } }] } });
    const run = () => runCli(['run', 'suite.json', '--cache', '--data-dir', 'cli-data'], { cwd: dir, env: stubs?.env ?? {} });

    const first = await run();
    expect(first.code).toBe(0);
    const callsAfterFirst = { anthropic: stubs.anthropic.callsByRequest(), openai: stubs.openai.callsByRequest() };
    expect(callsAfterFirst.anthropic.map((group) => group.count)).toEqual([1, 1, 1]);
    expect(callsAfterFirst.openai.map((group) => group.count)).toEqual([1]);
    expect(first.stdout).not.toContain('(cached)');

    const second = await run();
    expect(second.code).toBe(0);
    expect(stubs.anthropic.callsByRequest().map((group) => group.count)).toEqual([1, 1, 1]);
    expect(stubs.openai.callsByRequest().map((group) => group.count)).toEqual([1]);
    expect(second.stdout.match(/PASS \(cached\)/g)).toHaveLength(4);
    expect(second.stdout).toMatch(/4 passed, 0 failed, 0 errors \(4 cases, 4 from the cache\)/);

    const uncached = await runCli(['run', 'suite.json', '--data-dir', 'cli-data'], { cwd: dir, env: stubs.env });
    expect(uncached.code).toBe(0);
    expect(modelCalls(stubs.anthropic) + modelCalls(stubs.openai)).toBe(8);
  });
});

describe('sentinel run --concurrency', () => {
  it('keeps at most N cases in flight (the stub counts the calls it has not answered yet), and reaches N', async () => {
    let most = 0;
    // Called as each call arrives, before it is recorded: the unanswered ones are the others in flight.
    const slow = (): { delayMs: number } => {
      const unanswered = stubs?.anthropic.requests.filter((request) => request.status === null).length ?? 0;
      most = Math.max(most, unanswered + 1);
      return { delayMs: 120 };
    };
    stubs = await startStubs({ anthropic: slow });
    const dir = await makeTempDir('sentinel-cli-');
    await writeFiles(dir, { 'suite.json': suiteOf('Wide', 'claude-sonnet-4-6', 12) });
    const result = await runCli(['run', 'suite.json', '--concurrency', '3'], { cwd: dir, env: stubs.env });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('12 cases, 3 at a time per provider');
    expect(modelCalls(stubs.anthropic)).toBe(12);
    expect(most).toBe(3);
  });
});
