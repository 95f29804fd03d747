import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { SupervisorGroup, type GroupStrategy, type SupervisorGroupEvents, type SupervisorOptions } from '../src/index.js';
import { fixture, NODE, tempDir } from './helpers/fixtures.js';
import { isProcessGone, killAll, waitGone } from './helpers/proc.js';

type Name = 'db' | 'backend' | 'worker';
const groups: Array<SupervisorGroup<Name>> = [];
const spawned: number[] = [];

afterEach(async () => {
  await Promise.allSettled(groups.splice(0).map((g) => g.stop()));
  const pids = spawned.splice(0);
  try {
    await waitGone(pids, 15_000);
  } finally {
    killAll(pids);
  }
  expect(pids.filter((p) => !isProcessGone(p))).toEqual([]);
});

const member = (name: Name, extra: Partial<SupervisorOptions> = {}): SupervisorOptions & { name: Name } => ({ command: NODE, args: [fixture('node-server.mjs')], runtimeDir: tempDir(), health: false, metrics: false, ...extra, name });

/** db <- backend <- worker, recording every member event in order. */
function threeTier(strategy: GroupStrategy, intensity?: { maxRestarts: number; windowMs: number }, backend: Partial<SupervisorOptions> = {}) {
  const group = new SupervisorGroup({
    name: 'app',
    strategy,
    ...(intensity === undefined ? {} : { intensity }),
    // Listed out of order on purpose: the start order comes from dependsOn.
    members: [{ supervisor: member('worker'), dependsOn: ['backend'] }, { supervisor: member('db') }, { supervisor: member('backend', backend), dependsOn: ['db'] }],
  });
  groups.push(group);
  const log: string[] = [];
  group.on('member:spawn', ({ member: m, pid }) => (spawned.push(pid), log.push(`spawn ${m}`)));
  group.on('member:ready', ({ member: m }) => log.push(`ready ${m}`));
  group.on('member:exit', ({ member: m, reason }) => log.push(`exit ${m} ${reason}`));
  return { group, log };
}

describe('SupervisorGroup', () => {
  it('starts members once their dependencies are ready and stops them in reverse', async () => {
    const { group, log } = threeTier('one_for_one');
    const results = await group.start();
    expect(log).toEqual(['spawn db', 'ready db', 'spawn backend', 'ready backend', 'spawn worker', 'ready worker']);
    expect(Object.keys(results).sort()).toEqual(['backend', 'db', 'worker']);
    expect(results.backend.pid).toBe(group.member('backend').snapshot().pid);
    expect(group.snapshot()).toMatchObject({ state: 'running', order: ['db', 'backend', 'worker'] });
    log.length = 0;
    await group.stop();
    expect(log).toEqual(['exit worker stopped', 'exit backend stopped', 'exit db stopped']);
    expect(group.state).toBe('stopped');
  });

  it.each([
    { strategy: 'one_for_one' as const, restarted: [] },
    { strategy: 'one_for_all' as const, restarted: ['db', 'worker'] },
    { strategy: 'rest_for_one' as const, restarted: ['worker'] },
  ])('$strategy: a crash of the backend restarts it and $restarted', async ({ strategy, restarted }) => {
    const { group } = threeTier(strategy);
    const before = await group.start();
    const events: unknown[] = [];
    group.on('restart', (e) => events.push(e));
    const settled = new Promise<void>((resolve) => {
      if (strategy === 'one_for_one') group.member('backend').once('ready', () => resolve());
      else group.on('state', ({ from, to }) => from === 'restarting' && to === 'running' && resolve());
    });
    process.kill(before.backend.pid, 'SIGKILL');
    await settled;
    const now = group.snapshot().members;
    const changed = (['db', 'worker'] as const).filter((m) => now[m].pid !== before[m].pid);
    expect(changed).toEqual(restarted);
    expect(now.backend.pid).not.toBe(before.backend.pid);
    expect(events).toEqual(restarted.length === 0 ? [] : [{ trigger: 'backend', strategy, members: restarted }]);
    expect(group.state).toBe('running');
  });

  it('more member exits than the intensity allows end the group in failed, with every member stopped', async () => {
    const { group } = threeTier('one_for_one', { maxRestarts: 1, windowMs: 60_000 });
    const started = await group.start();
    const failed = new Promise<SupervisorGroupEvents<Name>['failed'][0]>((resolve) => group.once('failed', resolve));
    const allStopped = new Promise<void>((resolve) => group.on('member:state', () => Object.values(group.snapshot().members).every((m) => m.state === 'stopped') && resolve()));
    const readyAgain = new Promise<number>((resolve) => group.member('db').once('ready', ({ pid }) => resolve(pid)));
    process.kill(started.db.pid, 'SIGKILL');
    process.kill(await readyAgain, 'SIGKILL');
    const { reason, member: culprit } = await failed;
    expect(reason).toMatchObject({ code: 'SUP_ERR_GAVE_UP', supervisor: 'app' });
    expect(culprit).toBe('db');
    expect(group.state).toBe('failed');
    await allStopped;
    expect(Object.values(group.snapshot().members).map((m) => m.pid)).toEqual([undefined, undefined, undefined]);
  });

  it("a member that gives up fails the group (its start() rejects) and the others stop", async () => {
    const { group } = threeTier('one_for_one', undefined, { restart: false, readiness: { stdout: /never/, timeoutMs: 200 } });
    const failed = new Promise<SupervisorGroupEvents<Name>['failed'][0]>((resolve) => group.once('failed', resolve));
    await expect(group.start()).rejects.toMatchObject({ code: 'SUP_ERR_STARTUP_TIMEOUT' });
    expect((await failed).member).toBe('backend');
    expect(group.member('worker').snapshot().attempt).toBe(0); // never started: its dependency never got ready
  });

  it.each([
    { members: [{ supervisor: member('db'), dependsOn: ['db'] }], message: /dependsOn of db must be names of other members/ },
    { members: [{ supervisor: member('db'), dependsOn: ['cache'] }], message: /dependsOn of db must be names of other members.*received "cache"/ },
    { members: [{ supervisor: member('db'), dependsOn: ['backend'] }, { supervisor: member('backend'), dependsOn: ['db'] }], message: /free of dependency cycles, received \["db","backend"\]/ },
    { members: [{ supervisor: member('db') }, { supervisor: member('db') }], message: /members\[1\]\.supervisor\.name must be unique/ },
    { members: [{ supervisor: member('db', { readiness: { tcp: true, timeout: 1 } as never }) }], message: /members\[0\]\.supervisor \(db\): Option readiness\.timeout/ },
    { members: [], message: /members must be a non-empty array/ },
  ])('rejects bad members: $message', ({ members, message }) => {
    expect(() => new SupervisorGroup({ name: 'bad', members: members as never })).toThrow(message);
  });

  it('types member names in its events', () => {
    expectTypeOf<SupervisorGroupEvents<Name>['member:ready'][0]['member']>().toEqualTypeOf<Name>();
    const group = new SupervisorGroup({ name: 'typed', members: [{ supervisor: { name: 'api', command: NODE, runtimeDir: false } }, { supervisor: { name: 'cache', command: NODE, runtimeDir: false }, dependsOn: ['api'] }] });
    expectTypeOf(group.member).parameter(0).toEqualTypeOf<'api' | 'cache'>();
    // @ts-expect-error not a member of this group
    expect(() => group.member('nope')).toThrow(/no member "nope"/);
  });
});
