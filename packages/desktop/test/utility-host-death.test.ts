import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readStat } from '@sentinel/supervisor/proc';
import { devSidecarPath } from '../src/host/defaults.js';
import { isGone, waitGone } from './helpers/processes.js';

// The host (Electron's main process) SIGKILLed: nothing in it runs, the supervisor cannot stop the
// backend, and a utility process has no stdin pipe whose EOF it could watch (stdin is /dev/null).
// What is left is the backend's parent watch (exitWithParent: its parent pid changes when it is
// re-parented, or SUPERVISOR_PARENT_PID no longer exists). The host is a separate Node process
// running the app's utility spawn over the same fake utilityProcess (bundled here into a temp file).
let dir: string;
let host: ChildProcess | undefined;
let backendPid: number | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-host-death-'));
  await build({ entryPoints: [join(import.meta.dirname, 'helpers', 'fake-utility-process.ts')], outfile: join(dir, 'fake-utility-process.mjs'), bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
});
afterAll(async () => {
  if (host?.exitCode === null && host.signalCode === null) host.kill('SIGKILL');
  if (backendPid !== undefined) await waitGone(backendPid);
  await rm(dir, { recursive: true, force: true });
});

/** The first stdout line of a process. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code, signal) => reject(new Error(`the host exited first (code ${code}, signal ${signal})`)));
  });
}

it('the host SIGKILLed: the backend, with stdin /dev/null and no group of its own, exits by its parent watch', async () => {
  const fixture = join(import.meta.dirname, 'fixtures', 'utility-host.mjs');
  host = spawn(process.execPath, [fixture, join(dir, 'fake-utility-process.mjs'), devSidecarPath(), join(dir, 'data')], { stdio: ['ignore', 'pipe', 'inherit'] });
  backendPid = (JSON.parse(await firstLine(host)) as { backendPid: number }).backendPid;
  expect(readStat(backendPid)?.ppid).toBe(host.pid);
  expect(readStat(backendPid)?.pgid).toBe(readStat(host.pid!)?.pgid); // the host's group, not its own
  expect(await readlink(`/proc/${backendPid}/fd/0`)).toBe('/dev/null'); // no pipe to see EOF on

  const hostGone = new Promise((resolve) => host!.once('exit', resolve));
  host.kill('SIGKILL');
  await hostGone;
  expect(isGone(backendPid)).toBe(false); // nobody stopped it: only its own watch can end it now
  await waitGone(backendPid, 15_000); // the parent check runs every second, then the drain (≤ 3 s)
});
