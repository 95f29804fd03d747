import { afterEach, describe, expect, it } from 'vitest';
import { exitWithParent, readLaunchContext } from '../src/child/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { isProcessGone, killAll, waitGone } from './helpers/proc.js';
import { spawnUntilLine } from './helpers/spawn-line.js';

const started: number[] = [];
afterEach(() => {
  killAll(started.splice(0));
});

describe('readLaunchContext', () => {
  it.each([
    { env: {}, expected: { port: undefined, instanceId: undefined, parentPid: undefined } },
    { env: { PORT: '8123', SUPERVISOR_INSTANCE_ID: 'abc', SUPERVISOR_PARENT_PID: '42' }, expected: { port: 8123, instanceId: 'abc', parentPid: 42 } },
    { env: { PORT: '', SUPERVISOR_INSTANCE_ID: '  ' }, expected: { port: undefined, instanceId: undefined, parentPid: undefined } },
  ])('reads $env', ({ env, expected }) => {
    expect(readLaunchContext(env)).toEqual(expected);
  });

  it.each([{ PORT: 'abc' }, { PORT: '70000' }, { PORT: '-1' }, { SUPERVISOR_PARENT_PID: '0' }])('rejects %o with a TypeError naming the variable', (env) => {
    const name = Object.keys(env)[0] as string;
    expect(() => readLaunchContext(env)).toThrow(new RegExp(`${name}.*${JSON.stringify(Object.values(env)[0])}`));
  });
});

describe('exitWithParent', () => {
  it('exits after onParentGone when stdin (held by the parent) closes', async () => {
    const { child, lines } = await spawnUntilLine(NODE, [fixture('exit-with-parent.mjs')], /^watching/, { env: { ...process.env, SUPERVISOR_PARENT_PID: String(process.pid) } });
    started.push(child.pid as number);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin?.end();
    expect(await exited).toBe(0);
    expect(lines).toContain('cleanup ran');
  });

  it('exits when its parent is SIGKILLed even without a stdin pipe (parent pid watch)', async () => {
    const { child: parent, line } = await spawnUntilLine(NODE, [fixture('middle-parent.mjs')], /^\{"parent"/);
    const { child } = JSON.parse(line) as { parent: number; child: number };
    started.push(parent.pid as number, child);
    parent.kill('SIGKILL');
    await waitGone([child]);
    expect(isProcessGone(child)).toBe(true);
  });

  it('does not watch stdin when not supervised, and the disposer stops watching', () => {
    const dispose = exitWithParent({ env: {}, pollIntervalMs: 10_000 });
    expect(typeof dispose).toBe('function');
    dispose();
  });

  it.each([{ graceMs: 0 }, { pollIntervalMs: -1 }, { onParentGone: 'nope' as unknown as () => void }])('rejects bad options %o', (options) => {
    expect(() => exitWithParent(options)).toThrow(TypeError);
  });
});
