import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/library/atomic-write.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { versionYaml } from './fixtures/write-loop.js';
import { openTempLibrary } from './library-fixture.js';

/** Each version's prompt is close to the longest a spec may have (200 000 characters), so a write takes a while. */
const FILLER_BYTES = 190_000;
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await removeTempDirs();
});

/** The write loop fixture bundled into one runnable file (so the child runs the real TypeScript module). */
async function bundleWriteLoop(): Promise<string> {
  const outfile = join(await makeTempDir('sentinel-write-loop-'), 'write-loop.mjs');
  const entry = fileURLToPath(new URL('./fixtures/write-loop.ts', import.meta.url));
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  return outfile;
}

/**
 * Starts the loop and SIGKILLs it in the middle of a write: once it has started `rounds` rounds,
 * on the next change seen in the folder (a file being written).
 */
async function killMidWrite(script: string, folder: string, targets: string[], rounds: number): Promise<void> {
  const child = spawn(process.execPath, [script, String(FILLER_BYTES), ...targets], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let started = 0;
  // Any change in the folder once the round has begun is a write under way.
  const watcher = watch(folder, () => {
    if (started >= rounds) child.kill('SIGKILL');
  });
  createInterface({ input: child.stdout! }).on('line', () => (started += 1));
  await exited;
  watcher.close();
}

describe('atomic writes', () => {
  it('never leaves a half-written file when the writer is SIGKILLed mid-write', async () => {
    const script = await bundleWriteLoop();
    const { library, tests } = await openTempLibrary();
    await mkdir(tests, { recursive: true });
    const targets = ['one', 'two', 'three'].map((id) => join(tests, `${id}.yaml`));
    for (const target of targets) await writeFile(target, versionYaml(999, FILLER_BYTES));
    let killsMidWrite = 0;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await killMidWrite(script, tests, targets, attempt);
      const names = await readdir(tests);
      if (names.some((name) => name.endsWith('.tmp'))) killsMidWrite += 1;
      const { items, broken } = await library.tests.list();
      expect(broken).toEqual([]);
      expect(items).toHaveLength(3);
      for (const item of items) {
        const round = Number(item.spec.name.replace('Version ', ''));
        expect(await readFile(join(tests, `${item.id}.yaml`), 'utf8')).toBe(versionYaml(round, FILLER_BYTES));
      }
    }
    // The check above is only worth something if kills did land in the middle of a write.
    expect(killsMidWrite).toBeGreaterThan(0);
  });

  it('removes its temp file and keeps the old content when the write fails', async () => {
    const dir = await makeTempDir();
    const target = join(dir, 'taken.yaml');
    await mkdir(join(target, 'not-empty'), { recursive: true });
    await expect(writeFileAtomic(target, Buffer.from('name: new\n'))).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await readdir(dir)).toEqual(['taken.yaml']);
    const file = join(dir, 'file.yaml');
    await writeFile(file, 'name: old\n');
    await expect(writeFileAtomic(file, Buffer.from('name: new\n'), { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('name: old\n');
    expect((await readdir(dir)).sort()).toEqual(['file.yaml', 'taken.yaml']);
  });
});
