import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { childrenOf, isGone, waitGone } from './helpers/processes.js';

// `npm start`'s script where Electron cannot run (no display here): one clear line saying why, then
// browser mode with a login URL that works; SIGTERM stops the backend too.
const script = resolve(import.meta.dirname, '..', 'scripts', 'start.mjs');
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (child?.pid && !isGone(child.pid)) child.kill('SIGKILL');
  child = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('says in one line why Electron cannot run, starts browser mode and prints a working URL', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sentinel-start-'));
  child = spawn(process.execPath, [script], {
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', SENTINEL_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const url = await new Promise<string>((resolvePromise, reject) => {
    const reader = createInterface({ input: child!.stdout! });
    reader.on('line', (line) => {
      lines.push(line);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/login#\S+)$/.exec(line);
      if (match) resolvePromise(match[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}: ${lines.join('\n')}`)));
  });
  expect(lines[0]).toBe('Electron cannot run here: no display is available (DISPLAY and WAYLAND_DISPLAY are unset). Starting Sentinel in browser mode instead.');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^Sentinel is running in browser mode\. Open this link \(it works once, within 5 minutes; press Enter here for a new one\): /);

  // What the page does with the link: trade the token from the fragment for a session.
  const { origin, hash } = new URL(url);
  const login = await fetch(`${origin}/session`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ token: hash.slice(1) }) });
  expect(login.status).toBe(200);
  expect(login.headers.getSetCookie()[0]).toMatch(/HttpOnly; SameSite=Strict$/);
  // The backend is spawned right after the URL is printed; wait for it (bounded), then stop everything.
  await expect.poll(() => childrenOf(child!.pid!), { timeout: 30_000 }).toHaveLength(1);
  const backends = await childrenOf(child.pid!);

  const exited = new Promise<number | null>((resolvePromise) => child!.once('exit', (code) => resolvePromise(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  for (const pid of backends) await waitGone(pid);
});
