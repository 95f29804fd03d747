// `sentinel run` refusing bad input with exit 2 before anything runs (the file named, with its line
// and column for YAML), and finding files in folders in a deterministic order.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { killCliProcesses, runCli } from './helpers/cli-process.js';
import { specYaml, writeFiles } from './helpers/files.js';
import { modelCalls, startStubs, type Stubs } from './helpers/stubs.js';

let stubs: Stubs | undefined;

afterEach(async () => {
  await killCliProcesses();
  await stubs?.close();
  stubs = undefined;
  await removeTempDirs();
});

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Runs the CLI in a fresh folder holding `files`; resolves with the result, the folder and the calls the stubs got. */
async function runIn(files: Readonly<Record<string, string | object>>, args: readonly string[], env: 'stubs' | 'none' = 'stubs') {
  stubs = await startStubs();
  const dir = await makeTempDir('sentinel-cli-');
  await writeFiles(dir, files);
  const result = await runCli(args, { cwd: dir, env: env === 'stubs' ? stubs.env : {} });
  return { ...result, dir, calls: modelCalls(stubs.anthropic) + modelCalls(stubs.openai) };
}

const GOOD = specYaml('good', 'claude-sonnet-4-6', 'hello', 'Stub reply');

describe('sentinel run refuses bad input with exit 2 and runs nothing', () => {
  it('names a YAML file that does not parse with its line and column, even beside good files', async () => {
    const bad = 'name: bad\nmodel: claude-sonnet-4-6\ninputs:\n  query: Answer this: what is 2+2?\nassertions:\n  - must_contain: "4"\n';
    const { code, stdout, stderr, dir, calls } = await runIn({ 'tests/a-good.yaml': GOOD, 'tests/b-bad.yaml': bad }, ['run', 'tests', '--junit', 'report.xml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sentinel: tests\/b-bad\.yaml line 4, column 10: .*a plain value that contains ": " must be quoted/m);
    expect(stdout).toBe('');
    expect(calls).toBe(0);
    expect(await exists(join(dir, 'report.xml'))).toBe(false);
    expect(await exists(join(dir, '.sentinel'))).toBe(false);
  });

  it('names every invalid file: an unknown field and a bad value with their line and column, a JSON syntax error', async () => {
    const unknownField = 'name: typo\nmodel: claude-sonnet-4-6\ndescriptoin: oops\ninputs:\n  query: hi\nassertions:\n  - must_contain: a\n';
    const badSuite = 'name: S\ndefaults:\n  model: claude-sonnet-4-6\n  assertions:\n    - must_contain: a\ntests:\n  - name: hot\n    inputs:\n      query: hi\n    model_config:\n      temperature: 1.5\n';
    const { code, stderr, calls } = await runIn({ 'a.yaml': unknownField, 'b.yaml': badSuite, 'c.json': '{ "name": "x",\n  "model": }' }, ['run', '.']);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^sentinel: a\.yaml line 3, column 1: test\.descriptoin is not allowed \(did you mean description\?\)/),
      expect.stringMatching(/^sentinel: b\.yaml line 11, column 7: suite\.tests\[0\]\.model_config\.temperature must be <= 1 for Anthropic/),
      expect.stringMatching(/^sentinel: c\.json line 2, column 13: invalid JSON: Unexpected token '}'/),
    ]);
    expect(calls).toBe(0);
  });

  it('refuses an unknown option, a missing command, no files, a missing file and a non-spec file', async () => {
    const cases: [string[], RegExp][] = [
      [['run', '.', '--colour'], /^sentinel: Unknown option --colour: see `sentinel run --help`/],
      [['--verbose'], /^sentinel: Unknown option --verbose: see `sentinel --help`/],
      [['frobnicate'], /^sentinel: Unknown command "frobnicate"/],
      [[], /^sentinel: Missing command/],
      [['run'], /^sentinel: sentinel run needs at least one file or folder/],
      [['run', 'nowhere.yaml'], /^sentinel: nowhere\.yaml: no such file or folder/],
      [['run', 'notes.txt'], /^sentinel: notes\.txt: not a \.yaml, \.yml, \.json file/],
      [['run', '.', '--concurrency', '0'], /^sentinel: --concurrency must be an integer from 1 to 64; received "0"/],
      [['run', '.', '--junit'], /^sentinel: Option --junit needs a value/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, calls } = await runIn({ 'a.yaml': GOOD, 'notes.txt': 'not a spec' }, args);
      expect({ args, code, calls }).toEqual({ args, code: 2, calls: 0 });
      expect(stderr).toMatch(message);
      await stubs?.close();
    }
  });

  it('refuses to start when a case needs a provider without a key, naming the variable and the file', async () => {
    const { code, stderr, calls } = await runIn({ 'a.yaml': GOOD, 'b.json': { name: 'o', model: 'gpt-4.1', inputs: { query: 'q' }, assertions: [{ must_contain: 'x' }] } }, ['run', '.'], 'none');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sentinel: ANTHROPIC_API_KEY is not set: a\.yaml needs Anthropic \(model claude-sonnet-4-6\)/);
    expect(calls).toBe(0);
  });
});

describe('sentinel run finds files in folders', () => {
  it('searches folders recursively for .yaml, .yml and .json in code-unit order, skipping hidden folders and node_modules', async () => {
    const spec = (name: string): string => specYaml(name, 'claude-sonnet-4-6', `prompt of ${name}`, 'Stub reply');
    const files = {
      'specs/b/z.yaml': spec('z'),
      'specs/a.yaml': spec('a'),
      'specs/b/a.yml': spec('b-a'),
      'specs/C.json': { name: 'C', model: 'claude-sonnet-4-6', inputs: { query: 'q' }, assertions: [{ must_contain: 'Stub' }] },
      'specs/.hidden/h.yaml': spec('hidden'),
      'specs/node_modules/n.yaml': spec('dependency'),
      'specs/readme.md': '# not a spec',
      'extra.yaml': spec('extra'),
    };
    const { code, stdout } = await runIn(files, ['run', 'extra.yaml', 'specs', 'specs/a.yaml']);
    expect(code).toBe(0);
    const rows = stdout.trimEnd().split('\n').slice(1, -1).map((line) => line.split(/\s{2,}/).slice(0, 2));
    expect(rows).toEqual([
      ['extra.yaml', 'extra'],
      ['specs/C.json', 'C'],
      ['specs/a.yaml', 'a'],
      ['specs/b/a.yml', 'b-a'],
      ['specs/b/z.yaml', 'z'],
    ]);
  });
});
