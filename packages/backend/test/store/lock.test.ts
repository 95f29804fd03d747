import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { OWNER_FILE_NAME, StoreOpenError } from '../../src/store/index.js';
import { copySidecarToTempDir, killSidecars, listeningPort, spawnSidecar } from '../helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { closeStores, openTestStore } from './helpers/open-store.js';
import { NATIVE_BINDING, removeStoreChild, spawnStoreChild, storeChildFile } from './helpers/store-child.js';

const parents: Array<ReturnType<typeof spawn>> = [];

afterEach(async () => {
  await closeStores();
  await killSidecars();
  for (const parent of parents.splice(0)) parent.kill('SIGKILL');
  await removeTempDirs();
});
afterAll(removeStoreChild);

/** The state letter of a process in /proc (Z = zombie), or undefined when it is gone entirely. */
function processState(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
  } catch {
    return undefined;
  }
}

describe('one writer per data directory', () => {
  it('refuses a second process with DATA_DIR_LOCKED naming the first one pid, and frees the directory the moment the first is SIGKILLed', async () => {
    const dataDir = await makeTempDir();
    const first = await spawnStoreChild('hold', dataDir);
    const ready = await first.waitForLine((line) => line.event === 'ready');
    expect(readFileSync(join(dataDir, OWNER_FILE_NAME), 'utf8').trim()).toBe(String(ready.pid));

    const second = await spawnStoreChild('hold', dataDir);
    const refused = await second.waitForLine((line) => line.event === 'error');
    expect(refused).toMatchObject({ code: 'DATA_DIR_LOCKED', pid: ready.pid });
    expect(refused.message).toContain(`pid ${String(ready.pid)}`);
    expect(refused.message).toContain(dataDir);
    expect((await second.exited).code).toBe(1);
    const inProcess = await openTestStore({ dataDir, lockWaitMs: 0 }).catch((error: unknown) => error);
    expect(inProcess).toBeInstanceOf(StoreOpenError);
    expect(inProcess).toMatchObject({ code: 'DATA_DIR_LOCKED', pid: ready.pid });

    first.child.kill('SIGKILL');
    await first.exited;
    // No wait for the lock: the kernel released it with the process.
    const third = await spawnStoreChild('hold', dataDir);
    expect(await third.waitForLine((line) => line.event === 'ready' || line.event === 'error')).toMatchObject({ event: 'ready' });
  });

  it('is free again while the SIGKILLed holder lingers as an unreaped zombie', async () => {
    const dataDir = await makeTempDir();
    // The holder's parent is python, which never reaps it: after SIGKILL it stays a zombie (as under a late PID 1).
    const script = 'import subprocess, sys, time\np = subprocess.Popen(sys.argv[1:])\nprint(p.pid, flush=True)\ntime.sleep(3600)';
    const env = { PATH: process.env.PATH ?? '', MODE: 'hold', DATA_DIR: dataDir, NATIVE_BINDING };
    const parent = spawn('python3', ['-c', script, process.execPath, await storeChildFile()], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    parents.push(parent);
    const lines: string[] = [];
    await new Promise<void>((resolve) => {
      createInterface({ input: parent.stdout }).on('line', (line) => {
        lines.push(line);
        if (lines.some((entry) => /^\d+$/.test(entry)) && lines.some((entry) => entry.includes('"ready"'))) resolve();
      });
    });
    const holderPid = Number(lines.find((entry) => /^\d+$/.test(entry)));
    process.kill(holderPid, 'SIGKILL');
    // Waits (SQLite's busy handler) only until the kernel frees the lock at the holder's death, not until it is reaped.
    const { store } = await openTestStore({ dataDir, lockWaitMs: 30_000 });
    expect(processState(holderPid)).toBe('Z');
    expect(await store.listRuns({}, { limit: 1 })).toEqual({ runs: [], next_cursor: null });
  });

  it('makes a second sidecar on the same data directory exit 1 with the fatal line DATA_DIR_LOCKED, and a restart after SIGKILL start at once', async () => {
    const file = await copySidecarToTempDir();
    const env = { PORT: '0', SENTINEL_DATA_DIR: await makeTempDir('sentinel-data-'), LOG_LEVEL: 'error' };
    const first = spawnSidecar(file, env);
    await listeningPort(first);
    const second = spawnSidecar(file, env);
    expect((await second.exited).code).toBe(1);
    const fatal = JSON.parse(second.lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(fatal).toMatchObject({ level: 60, code: 'DATA_DIR_LOCKED' });
    expect(fatal.msg).toContain(`pid ${String(first.child.pid)}`);
    first.child.kill('SIGKILL');
    await first.exited;
    const third = spawnSidecar(file, env);
    const port = await listeningPort(third);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });
});
