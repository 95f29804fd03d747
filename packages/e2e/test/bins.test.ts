// Every bin of every workspace package must work from a fresh clone after `npm ci && npm run build`:
// npm links a workspace bin at install time only if its target exists then, so a bin must point at
// a committed launcher (never into dist/), and the launcher must say what to do when dist/ is missing.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface WorkspaceBin {
  readonly name: string;
  readonly packageDir: string;
  readonly target: string;
}

async function workspaceBins(): Promise<WorkspaceBin[]> {
  const bins: WorkspaceBin[] = [];
  for (const entry of await readdir(join(ROOT, 'packages'))) {
    const packageDir = join(ROOT, 'packages', entry);
    const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    for (const [name, target] of Object.entries(manifest.bin ?? {})) bins.push({ name, packageDir, target: join(packageDir, target) });
  }
  return bins;
}

async function isTracked(file: string): Promise<boolean> {
  const { stdout } = await run('git', ['ls-files', '--error-unmatch', relative(ROOT, file)], { cwd: ROOT }).catch(() => ({ stdout: '' }));
  return stdout.trim() !== '';
}

const bins = await workspaceBins();
let scratch: string | undefined;

afterEach(async () => {
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('workspace bins', () => {
  it('there are bins to check', () => {
    expect(bins.map((bin) => bin.name)).toContain('sentinel-chaos');
  });

  it.each(bins.map((bin) => [bin.name, bin] as const))('%s points at a committed launcher, linked by npm, that runs', async (name, bin) => {
    expect(relative(bin.packageDir, bin.target).split(/[\\/]/)).not.toContain('dist');
    expect(await isTracked(bin.target)).toBe(true);
    expect(await realpath(join(ROOT, 'node_modules', '.bin', name))).toBe(await realpath(bin.target));
    const { stdout } = await run(join(ROOT, 'node_modules', '.bin', name), ['--help'], { cwd: tmpdir() });
    expect(stdout).toMatch(new RegExp(`Usage: ${name}\\b`));
  });

  it.each(bins.map((bin) => [bin.name, bin] as const))('%s says to build first when dist/ is missing', async (name, bin) => {
    scratch = await mkdtemp(join(tmpdir(), 'sentinel-bin-'));
    const copy = join(scratch, relative(bin.packageDir, bin.target));
    await cp(dirname(bin.target), dirname(copy), { recursive: true });
    const failure = await run(process.execPath, [copy, '--help']).then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain(`${name} is not built yet: run \`npm run build\``);
  });
});
