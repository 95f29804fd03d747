import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixture, NODE, tempDir } from './helpers/fixtures.js';
import { trackPids } from './helpers/harness.js';
import { isProcessGone, waitGone } from './helpers/proc.js';
import { spawnUntilLine } from './helpers/spawn-line.js';

interface Handshake {
  readonly host: number;
  readonly backend: number;
  readonly port: number;
}

/** A host in its own process group (as a terminal's job is) supervising Python's http.server. */
async function pythonHost(env: Record<string, string> = {}): Promise<{ child: ChildProcess; pids: Handshake; exited: Promise<NodeJS.Signals | null> }> {
  const { child, line } = await spawnUntilLine(NODE, [fixture('host.mjs')], /^\{"host"/, { detached: true, env: { ...process.env, FIXTURE_BACKEND: 'python', FIXTURE_RUNTIME_DIR: tempDir(), ...env } });
  const pids = JSON.parse(line) as Handshake;
  trackPids([pids.host, pids.backend]);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { child, pids, exited };
}

async function answers(port: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
  await res?.arrayBuffer();
  return res?.status === 200;
}

describe('host death', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('a host killed by %s sent to its process group takes its Python backend with it, and still dies of that signal', async (signal) => {
    const { pids, exited } = await pythonHost();
    expect(await answers(pids.port)).toBe(true);
    process.kill(-pids.host, signal); // kill -<SIG> -<pgid>: the backend leads its own group, so only the host gets it
    expect(await exited).toBe(signal);
    await waitGone([pids.backend]);
    expect(isProcessGone(pids.backend)).toBe(true);
  });

  it('with stopOnHostExit: false the backend outlives a host killed by SIGTERM (left to the pid file)', async () => {
    const { pids, exited } = await pythonHost({ FIXTURE_STOP_ON_HOST_EXIT: '0' });
    process.kill(-pids.host, 'SIGTERM');
    expect(await exited).toBe('SIGTERM');
    // Python dies of a SIGTERM the moment it is delivered (it has no handler): alive now means none was
    // sent before the host died. (It cannot answer HTTP any more: its stderr pipe is broken.)
    expect(isProcessGone(pids.backend)).toBe(false);
    process.kill(pids.backend, 'SIGKILL');
  });

  it("a host's own SIGINT handler is untouched: it runs, the host lives on, and so does its backend", async () => {
    const { child, pids } = await pythonHost({ FIXTURE_OWN_SIGINT: '1' });
    const handled = new Promise<void>((resolve) => child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('host handled SIGINT') && resolve()));
    process.kill(-pids.host, 'SIGINT');
    await handled;
    expect(isProcessGone(pids.host)).toBe(false);
    expect(await answers(pids.port)).toBe(true);
    process.kill(pids.host, 'SIGKILL');
    process.kill(pids.backend, 'SIGKILL');
  });

  it('a host that calls process.exit() without stop() takes even a Python backend with it', async () => {
    const { pids, exited } = await pythonHost({ FIXTURE_HOST_EXIT: '1' });
    await exited;
    await waitGone([pids.backend]);
    expect(isProcessGone(pids.backend)).toBe(true);
  });
});
