import { describe, expect, it } from 'vitest';
import {
  INVARIANTS, acknowledgedRunsKept, backoffSchedule, checkInvariants, clientDeadlines, exitRecovery, hangDetection,
  exitsExplained, hostDeathCleanup, legalTransitions, neverAdoptStranger, nothingLeftRunning, singleTree, stopWins,
  suiteRunsComplete, answersNotRepaid, type InvariantChecker,
} from '../src/invariants/index.js';
import type { History } from '../src/history/types.js';
import { scheduledDelay } from '../src/invariants/backoff-schedule.js';
import { CONFIG, healthyLife, history, state, sup, variant } from './support/histories.js';
import { READY_PID, SOAK_HOST, soakCrashLoop } from './support/crash-loop-history.js';
import { call, lifeWithSuites } from './support/suite-histories.js';

const never = () => false;

/** For each checker: a history that keeps it and one that breaks it. */
const cases: Array<{ checker: InvariantChecker; keeps: History; breaks: History; expect: RegExp }> = [
  {
    checker: legalTransitions,
    keeps: history(healthyLife()),
    breaks: variant(never, [state(500, 'stopped', 'ready')]),
    expect: /illegal transition stopped -> ready/,
  },
  {
    checker: singleTree,
    keeps: history(healthyLife()),
    breaks: variant(never, [{ type: 'proc', t: 230, trees: [{ root: 101, host: 1, pids: [101] }, { root: 77, host: 1, pids: [77, 78] }] }]),
    expect: /2 live backend trees/,
  },
  {
    checker: exitRecovery,
    keeps: history(healthyLife()),
    breaks: variant((e) => e.type === 'sup' && e.event === 'ready' && e.t === 260, [sup(262, 'failed', { reason: 'gave-up', restarts: 1 })]),
    expect: /'failed' before the restart budget was spent/,
  },
  {
    checker: backoffSchedule,
    keeps: history(healthyLife()),
    breaks: variant((e) => e.type === 'sup' && e.event === 'backoff', [sup(101, 'backoff', { attempt: 2, delayMs: 100 })]),
    expect: /delay 100ms outside 0ms\.\.1ms \(restart 1 in a row\)/,
  },
  {
    checker: hangDetection,
    keeps: variant(never, [
      { type: 'fault', t: 600, index: 2, kind: 'hang', moment: 'ready', phase: 'inject', host: 1, pid: 300 },
      sup(1200, 'exit', { pid: 300, reason: 'unhealthy', signal: 'SIGKILL' }),
    ]),
    breaks: variant(never, [
      { type: 'fault', t: 600, index: 2, kind: 'hang', moment: 'ready', phase: 'inject', host: 1, pid: 300 },
      sup(5000, 'exit', { pid: 300, reason: 'unhealthy', signal: 'SIGKILL' }),
    ]),
    expect: /took 4400ms to end, bound 1200ms/,
  },
  {
    checker: hostDeathCleanup,
    keeps: variant(never, [
      { type: 'fault', t: 230, index: 3, kind: 'host-kill', moment: 'ready', phase: 'inject', host: 1 },
      { type: 'proc', t: 240, trees: [] },
    ]),
    breaks: variant((e) => e.type === 'proc' && e.t > 208, [
      { type: 'fault', t: 230, index: 3, kind: 'host-kill', moment: 'ready', phase: 'inject', host: 1 },
      { type: 'proc', t: 5000, trees: [] },
    ]),
    expect: /outlived it by 4770ms/,
  },
  {
    checker: nothingLeftRunning,
    keeps: history(healthyLife()),
    breaks: variant((e) => e.type === 'leftovers', [{ type: 'leftovers', t: 400, pids: [101, 102] }]),
    expect: /still running after the run: pids 101, 102/,
  },
  {
    checker: acknowledgedRunsKept,
    keeps: history(healthyLife()),
    breaks: variant((e) => e.type === 'audit', [{ type: 'audit', t: 300, runIds: ['run-0'] }]),
    expect: /run run-1 was acknowledged but is missing/,
  },
  {
    checker: clientDeadlines,
    keeps: history(healthyLife()),
    breaks: variant(never, [{ type: 'client', t: 900, op: 'health', startedAt: 100, endedAt: 900, deadlineMs: 500, outcome: 'error' }]),
    expect: /health took 800ms, deadline 500ms/,
  },
  {
    checker: neverAdoptStranger,
    keeps: variant(never, [{ type: 'fault', t: 150, index: 4, kind: 'stale-server', moment: 'backoff', phase: 'inject', host: 1, port: 4000 }]),
    breaks: variant(never, [{ type: 'fault', t: 150, index: 4, kind: 'stale-server', moment: 'backoff', phase: 'inject', host: 1, port: 4001 }]),
    expect: /became ready on port 4001, held by a stale-server/,
  },
  {
    checker: stopWins,
    keeps: history(healthyLife()),
    breaks: variant(never, [
      // sent during the (immediate) restart: the spawn at 103 comes after it
      { type: 'command', t: 102, host: 1, command: 'stop', phase: 'sent' },
      { type: 'command', t: 330, host: 1, command: 'stop', phase: 'resolved' },
    ]),
    expect: /spawned a backend after stop\(\) and before start\(\)/,
  },
  {
    checker: exitsExplained,
    keeps: history(healthyLife()),
    breaks: variant((e) => e.type === 'fault-action'),
    expect: /host 1: exit of pid 100 \(reason crash, code null, signal SIGKILL\) is explained by no recorded fault action/,
  },
  {
    checker: suiteRunsComplete,
    keeps: history(lifeWithSuites()),
    breaks: history(lifeWithSuites().filter((e) => !(e.type === 'suite' && e.key === 's1' && (e.op === 'final' || (e.op === 'event' && e.event === 'end'))))),
    expect: /suite s1 \(plain, sr1\) was never seen finished by the client following it/,
  },
  {
    checker: answersNotRepaid,
    keeps: history(lifeWithSuites()),
    breaks: history([...lifeWithSuites(), call(265, 15, 's1', 0, 275)]),
    expect: /suite s1 case 0: call-15 was sent after call-10, whose answer the case recorded: an answer already stored was paid again/,
  },
];

describe('invariant checkers', () => {
  it('covers every checker with a pair of histories', () => {
    expect(cases.map((c) => c.checker.name).sort()).toEqual(INVARIANTS.map((c) => c.name).sort());
  });

  it.each(cases)('$checker.name passes on a history that keeps it', ({ checker, keeps }) => {
    expect(checker.check(keeps)).toEqual([]);
  });

  it.each(cases)('$checker.name fails on a history that breaks it', ({ checker, breaks, expect: pattern }) => {
    const violations = checker.check(breaks);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.map((v) => v.message).join('\n')).toMatch(pattern);
    expect(violations.every((v) => v.invariant === checker.name)).toBe(true);
  });

  it('the healthy history keeps every invariant, with and without suite runs', () => {
    expect(checkInvariants(history(healthyLife())).flatMap((r) => r.violations)).toEqual([]);
    expect(checkInvariants(history(lifeWithSuites())).flatMap((r) => r.violations)).toEqual([]);
  });

  it('exit-then-ready-or-failed accepts failed once more than maxRestarts exits fell in the window', () => {
    const crashes = [1, 2, 3].flatMap((n) => [
      sup(1000 + n * 100, 'spawn', { pid: 200 + n }),
      sup(1000 + n * 100 + 50, 'exit', { pid: 200 + n, reason: 'crash' }),
    ]);
    const h = variant((e) => e.t > 300 && e.type !== 'leftovers', [...crashes, sup(1400, 'failed', { reason: 'gave-up', restarts: 2 })]);
    expect(exitRecovery.check(h)).toEqual([]);
    expect(CONFIG.restart && CONFIG.restart.maxRestarts).toBe(2);
  });

  it('exit-then-ready-or-failed flags a crash that is never followed by anything', () => {
    const h = variant((e) => e.t >= 260 && (e.type === 'sup' || e.type === 'command'));
    expect(exitRecovery.check(h).map((v) => v.message)).toEqual(['host 1: exit of pid 100 was never followed by ready or failed']);
  });
});

describe('backoff-schedule counts restarts in a row', () => {
  const backoffCase = (secondDelay: number, uptimeMs: number, spawnAfter = secondDelay + 1) =>
    variant((e) => e.t > 300 && e.type !== 'leftovers', [
      sup(400, 'ready', { pid: 102, port: 4002 }),
      sup(400 + uptimeMs, 'exit', { pid: 102, reason: 'crash' }),
      sup(400 + uptimeMs, 'backoff', { attempt: 9, delayMs: secondDelay }),
      sup(400 + uptimeMs + spawnAfter, 'spawn', { pid: 103 }),
      sup(400 + uptimeMs + spawnAfter + 50, 'ready', { pid: 103, port: 4003 }),
    ]);

  it('expects the first restart at once and initialDelayMs for the second in a row', () => {
    expect(backoffSchedule.check(backoffCase(105, 100))).toEqual([]);
    expect(backoffSchedule.check(backoffCase(0, 100)).map((v) => v.message)).toEqual([
      'host 1: backoff delay 0ms outside 89ms..111ms (restart 2 in a row)',
    ]);
    expect(backoffSchedule.check(backoffCase(205, 100))).toHaveLength(1);
  });

  it('expects an immediate restart again once the backend stayed ready for resetAfterMs', () => {
    expect(backoffSchedule.check(backoffCase(0, 40_000))).toEqual([]);
    expect(backoffSchedule.check(backoffCase(105, 40_000)).map((v) => v.message)).toEqual([
      'host 1: backoff delay 105ms outside 0ms..1ms (restart 1 in a row)',
    ]);
  });

  it('flags a respawn that comes before the delay ran out', () => {
    expect(backoffSchedule.check(backoffCase(105, 100, 50)).map((v) => v.message)).toEqual(['host 1: respawn 50ms after a backoff of 105ms']);
  });

  it('the schedule: 0, then initialDelayMs x factor^(n-2), capped', () => {
    expect([1, 2, 3, 4, 5].map((n) => scheduledDelay(n, 100, 2, 300))).toEqual([0, 100, 200, 300, 300]);
  });
});


describe('exit-then-ready-or-failed: the soak crash loop (host 174, 19:33:42.989Z)', () => {
  it('the reconstructed history keeps every invariant: six crashes in 2.6 s spend maxRestarts 5 in 3 s', () => {
    const h = soakCrashLoop();
    expect(h.config.restart && [h.config.restart.maxRestarts, h.config.restart.windowMs]).toEqual([5, 3000]);
    const crashes = h.events.filter((e) => e.type === 'sup' && e.event === 'exit');
    expect(crashes).toHaveLength(6);
    expect((crashes.at(-1)?.t ?? 0) - (crashes[0]?.t ?? 0)).toBeLessThanOrEqual(2600);
    const start = h.events.filter((e) => e.type === 'command' && e.command === 'start' && e.phase === 'sent').at(-1);
    const failed = h.events.find((e) => e.type === 'sup' && e.event === 'failed');
    expect((failed?.t ?? 0) - (start?.t ?? 0)).toBeCloseTo(0.1, 3);
    expect(checkInvariants(h).flatMap((r) => r.violations)).toEqual([]);
  });

  it.each([
    ['0.1 ms before the failed event', { startAfterGiveUpMs: 0.2, failedAfterGiveUpMs: 0.3 }],
    ['before the state event into failed', { startAfterGiveUpMs: -0.05, failedAfterGiveUpMs: 0.3 }],
    ['at the same instant as the failed event', { startAfterGiveUpMs: 0.3, failedAfterGiveUpMs: 0.3 }],
    ['after the failed event', { startAfterGiveUpMs: 0.5, failedAfterGiveUpMs: 0.3 }],
  ])('the runner\'s start() %s does not reset the count', (_when, shape) => {
    expect(exitRecovery.check(soakCrashLoop(shape))).toEqual([]);
  });

  it('still fails when the loop did not spend the budget (five crashes), whatever the order of start() and failed', () => {
    for (const startAfterGiveUpMs of [-0.05, 0.2, 0.5]) {
      expect(exitRecovery.check(soakCrashLoop({ dropFirstCrashes: 1, startAfterGiveUpMs })).map((v) => v.message)).toEqual([
        `host ${SOAK_HOST}: 'failed' before the restart budget was spent`,
      ]);
    }
  });

  it("exits-explained catches the crash loop's unrecorded kill of the ready backend", () => {
    expect(exitsExplained.check(soakCrashLoop({ recordReachingKill: false })).map((v) => v.message)).toEqual([
      `host ${SOAK_HOST}: exit of pid ${READY_PID} (reason crash, code null, signal SIGKILL) is explained by no recorded fault action, stop() or supervisor decision`,
    ]);
  });
});

describe('exits-explained', () => {
  it('takes a stop() the runner sent, or the supervisor\'s own decision, as the explanation', () => {
    expect(exitsExplained.check(history(healthyLife()))).toEqual([]);
    const unhealthy = variant((e) => e.type === 'fault-action' || (e.type === 'sup' && e.event === 'exit' && e.t === 101), [sup(101, 'exit', { pid: 100, code: null, signal: 'SIGKILL', reason: 'unhealthy' })]);
    expect(exitsExplained.check(unhealthy)).toEqual([]);
    const unasked = variant((e) => e.type === 'command' && e.command === 'stop');
    expect(exitsExplained.check(unasked).map((v) => v.message)).toEqual([
      'host 1: exit of pid 101 (reason stopped, code 0, signal null) is explained by no recorded fault action, stop() or supervisor decision',
    ]);
  });

  it('a kill of a descendant explains the exit of its backend; a SIGSTOP or a kill of another pid does not', () => {
    const grandchild = (signal: NodeJS.Signals, pid: number, root: number) =>
      variant((e) => e.type === 'fault-action', [{ type: 'fault-action', t: 100, index: 1, kind: 'grandchild-kill', host: 1, action: 'signal', signal, pid, root, hit: [pid], detail: 'strike' }]);
    expect(exitsExplained.check(grandchild('SIGKILL', 150, 100))).toEqual([]);
    expect(exitsExplained.check(grandchild('SIGSTOP', 150, 100))).toHaveLength(1);
    expect(exitsExplained.check(grandchild('SIGKILL', 150, 99))).toHaveLength(1);
  });
});
