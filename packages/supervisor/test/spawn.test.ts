import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SupervisorError} from '../src/index.js';
import { type ChildLike, type SpawnFunction, type SpawnRequest } from '../src/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, trackPids } from './helpers/harness.js';
import { isProcessGone } from './helpers/proc.js';

/** What Electron's utilityProcess.fork() looks like to the supervisor: a forked Node child, not a group leader. */
const requests: SpawnRequest[] = [];
const forkSpawn: SpawnFunction = (request) => {
  requests.push(request);
  const [script, ...args] = request.args;
  return fork(script as string, args, { env: request.env, cwd: request.cwd, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
};

const pgidOf = (pid: number): number => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[2]);

describe('a pluggable spawn', () => {
  it('runs the backend through child_process.fork: ready, restarted after a crash, stopped with its worker', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('with-child.mjs'), '{port}'], spawn: forkSpawn, readiness: { http: '/health', requireInstanceId: true } });
    const worker = next(sup, 'log', ({ line }) => line.startsWith('{"worker"'));
    const first = await sup.start();
    const workerPid = (JSON.parse((await worker).line) as { worker: number }).worker;
    trackPids([workerPid]);
    const request = requests.at(-1) as SpawnRequest;
    expect(request.args).toEqual([fixture('with-child.mjs'), String(first.port)]);
    expect(request.env).toMatchObject({ PORT: String(first.port), SUPERVISOR_PARENT_PID: String(process.pid) });
    // Not a group leader: it shares this process's group, which must never be signalled.
    expect(pgidOf(first.pid)).toBe(pgidOf(process.pid));
    const again = next(sup, 'ready');
    process.kill(first.pid, 'SIGKILL');
    const second = await again;
    expect(history.find((r) => r.event === 'exit')?.payload).toMatchObject({ pid: first.pid, signal: 'SIGKILL', reason: 'crash' });
    // The crashed backend's worker was found by its parent link and stopped before the respawn.
    expect(isProcessGone(workerPid)).toBe(true);
    await sup.stop();
    expect(isProcessGone(second.pid)).toBe(true);
    expect(isProcessGone(process.pid)).toBe(false);
  });

  it('a spawn that throws, or a child that emits error, is SUP_ERR_SPAWN with the cause', async () => {
    const throwing = supervise({ command: 'utility', spawn: () => { throw new Error('no utility process here'); } });
    const thrown = (await throwing.sup.start().catch((e: unknown) => e)) as SupervisorError;
    expect(thrown).toMatchObject({ code: 'SUP_ERR_SPAWN', cause: { message: 'no utility process here' } });
    const erroring = supervise({ command: 'utility', spawn: () => fakeChildThatFails(new Error('spawn failed in the adapter')) });
    const emitted = (await erroring.sup.start().catch((e: unknown) => e)) as SupervisorError;
    expect(emitted).toMatchObject({ code: 'SUP_ERR_SPAWN', cause: { message: 'spawn failed in the adapter' } });
    expect(erroring.sup.state).toBe('failed');
    const exiting = supervise({ command: 'utility', spawn: () => fakeChildThatFails(undefined) });
    expect(await exiting.sup.start().catch((e: unknown) => e)).toMatchObject({ code: 'SUP_ERR_SPAWN', message: expect.stringContaining('ended before it started (code 1') });
  });
});

/** A child-like object that fails to start, as an adapter may: 'error', or (error undefined) 'exit' without 'spawn'. */
function fakeChildThatFails(error: Error | undefined): ChildLike {
  const listeners: Record<string, Array<(...args: never[]) => void>> = {};
  setImmediate(() => {
    if (error === undefined) listeners['exit']?.forEach((l) => (l as (code: number, signal: null) => void)(1, null));
    else listeners['error']?.forEach((l) => (l as (e: Error) => void)(error));
  });
  return {
    pid: undefined,
    stdout: null,
    stderr: null,
    kill: () => false,
    on(event: string, listener: (...args: never[]) => void) {
      (listeners[event] ??= []).push(listener);
      return this;
    },
  } as ChildLike;
}
