import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../src/app/errors.js';
import { DATABASE_FILE_NAME } from '../../src/store/index.js';
import { killSidecars } from '../helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { newRun } from './helpers/records.js';
import { closeStores, openTestStore } from './helpers/open-store.js';
import { removeStoreChild, spawnStoreChild } from './helpers/store-child.js';

/** Undo steps (unmount, clear immutable flags) run after each test, before the temp dirs go. */
const undo: Array<() => void> = [];

afterEach(async () => {
  await closeStores();
  await killSidecars();
  for (const step of undo.splice(0).reverse()) step();
  await removeTempDirs();
});
afterAll(removeStoreChild);

/** A tmpfs of `size` mounted on a fresh temp dir (this needs root, as the tests run here and in CI). */
async function tinyFileSystem(size: string): Promise<string> {
  const dir = await makeTempDir('sentinel-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  undo.push(() => execFileSync('umount', [dir]));
  return dir;
}

/** Makes files immutable (writes through already-open descriptors then fail with EPERM, even for root). */
function makeImmutable(...paths: string[]): void {
  execFileSync('chattr', ['+i', ...paths]);
  undo.push(() => execFileSync('chattr', ['-i', ...paths]));
}

describe('durability of acknowledged writes', () => {
  it('keeps a run acknowledged by a process SIGKILLed right after, and the lock is held across its writes', async () => {
    const dataDir = await makeTempDir();
    const child = await spawnStoreChild('insert', dataDir);
    const acknowledged = await child.waitForLine((line) => line.event === 'acknowledged');
    await expect(openTestStore({ dataDir, lockWaitMs: 0 })).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    const { store } = await openTestStore({ dataDir });
    expect(await store.getRun(acknowledged.id as string)).toMatchObject({ name: 'acknowledged', output: 'paid for', saved: true });
  });

  it('keeps a suite run plan, a recorded case and a journaled answer through SIGKILL, ready to resume', async () => {
    const dataDir = await makeTempDir();
    const child = await spawnStoreChild('suite', dataDir);
    const acknowledged = await child.waitForLine((line) => line.event === 'acknowledged');
    child.child.kill('SIGKILL');
    await child.exited;
    const { store } = await openTestStore({ dataDir });
    const suiteRunId = acknowledged.id as string;
    expect((await store.listUnfinishedSuiteRuns()).map((run) => run.id)).toEqual([suiteRunId]);
    const plan = await store.getSuiteRunPlan(suiteRunId);
    expect(plan?.cases.map((entry) => [entry.state, entry.attempts])).toEqual([['passed', 1], ['running', 1]]);
    expect((await store.getSuiteRun(suiteRunId))?.cases[0]?.run_id).toBe(acknowledged.run_id);
    const journaled = await store.findAnswer({ requestHash: 'hash-b', case: { suiteRunId, index: 1 } });
    expect(journaled).toMatchObject({ source: 'journal', answer: { output: 'stored before its assertions' } });
    expect(await store.markCaseRunning(suiteRunId, 0)).toBe(false);
    expect(await store.markCaseRunning(suiteRunId, 1)).toBe(true);
  });
});

describe('when the history cannot be written', () => {
  it('rejects with HISTORY_WRITE_FAILED (SQLITE_FULL) on a full disk, rolls the batch back, and works again once there is room', async () => {
    const dataDir = await tinyFileSystem('512k');
    const { store } = await openTestStore({ dataDir });
    const kept = await store.insertRun(newRun({ name: 'kept' }));
    const huge = newRun({ name: 'huge', output: 'x'.repeat(1024 * 1024) });
    const [tooBig, sameBatch] = await Promise.allSettled([store.insertRun(huge), store.insertRun(newRun({ name: 'same batch' }))]);
    expect(tooBig.status).toBe('rejected');
    const error = (tooBig as PromiseRejectedResult).reason as BackendError;
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'HISTORY_WRITE_FAILED', statusCode: 500, details: { storage_error: 'SQLITE_FULL' } });
    expect(error.message).toBe(`The history could not be written to ${join(dataDir, DATABASE_FILE_NAME)}: the disk is full`);
    expect(sameBatch).toMatchObject({ status: 'rejected', reason: { code: 'HISTORY_WRITE_FAILED' } });
    expect((await store.listRuns({}, { limit: 10 })).runs.map((run) => run.name)).toEqual(['kept']);
    const after = await store.insertRun(newRun({ name: 'after' }));
    expect((await store.listRuns({}, { limit: 10 })).runs.map((run) => run.id)).toEqual([after.id, kept.id]);
  });

  it('rejects with HISTORY_WRITE_FAILED when the files turn read-only under the running store', async () => {
    const dataDir = await makeTempDir();
    const { store } = await openTestStore({ dataDir });
    await store.insertRun(newRun({ name: 'before' }));
    const database = join(dataDir, DATABASE_FILE_NAME);
    makeImmutable(database, `${database}-wal`, dataDir);
    const error = await store.insertRun(newRun({ name: 'refused' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'HISTORY_WRITE_FAILED', details: { storage_error: expect.stringMatching(/^SQLITE_(IOERR|READONLY|PERM)/) } });
    expect((error as Error).message).toContain(database);
    expect((await store.listRuns({}, { limit: 10 })).runs.map((run) => run.name)).toEqual(['before']);
  });

  it('refuses to open on a read-only file system with STORE_OPEN_FAILED naming the file', async () => {
    const dataDir = await tinyFileSystem('1m');
    (await openTestStore({ dataDir })).store.close();
    execFileSync('mount', ['-o', 'remount,ro', dataDir]);
    const error = await openTestStore({ dataDir }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'STORE_OPEN_FAILED' });
    expect((error as Error).message).toContain(join(dataDir, DATABASE_FILE_NAME));
    expect((error as Error).message).toMatch(/read-only/i);
  });
});
