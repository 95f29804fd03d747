import { describe, expect, it } from 'vitest';
import { answersNotRepaid, suiteRunsComplete } from '../src/invariants/index.js';
import type { CheckedConfig, HistoryEvent, SuiteAuditRecord } from '../src/history/types.js';
import { CONFIG, history } from './support/histories.js';
import { SR1, SR2, call, caseRun, lifeWithSuites, suiteRecord, suiteRun } from './support/suite-histories.js';

/** lifeWithSuites with `change` applied to each event (return undefined to drop it) and `add` appended. */
function edited(change: (e: HistoryEvent) => HistoryEvent | undefined, add: HistoryEvent[] = [], config: CheckedConfig = CONFIG) {
  return history([...lifeWithSuites().flatMap((e) => change(e) ?? []), ...add], config);
}

/** lifeWithSuites with the audit's suite runs and runs rewritten. */
function audited(rewrite: (audit: SuiteAuditRecord) => SuiteAuditRecord) {
  return edited((e) => (e.type === 'suite-audit' ? rewrite(e) : e));
}

const messages = (violations: ReadonlyArray<{ message: string }>) => violations.map((v) => v.message);
const dropping = (match: (e: HistoryEvent) => boolean) => (e: HistoryEvent) => (match(e) ? undefined : e);

describe('suite-runs-complete-once', () => {
  it.each([
    ['a suite run still running at the end', audited((a) => ({ ...a, suiteRuns: a.suiteRuns.map((r) => (r.id === 'sr1' ? { ...r, status: 'running' } : r)) })), /suite s1 \(plain, sr1\) is still running at the end/],
    ['a run cancelled although the client never cancelled it', edited(dropping((e) => e.type === 'suite' && e.op.startsWith('cancel'))), /suite s2 \(cancel, sr2\) ended cancelled although the client never cancelled it/],
    ['a run that completed although its cancel was acknowledged', audited((a) => ({ ...a, suiteRuns: a.suiteRuns.map((r) => (r.id === 'sr2' ? suiteRun('sr2', 's2', 'completed', [...SR2.cases.slice(0, 1), { index: 1, state: 'passed', runId: 'r3b' }]) : r)), runs: [...a.runs, caseRun('r3b', 'sr2', 1, 21, 279)] })), /suite s2 \(cancel, sr2\) ended completed although its cancel was acknowledged/],
    ['a case recorded twice', audited((a) => ({ ...a, runs: [...a.runs, caseRun('r1b', 'sr1', 1, 12, 262)] })), /case 1 \(passed\) has 2 recorded runs, expected exactly 1/],
    ['a case missing', audited((a) => ({ ...a, suiteRuns: a.suiteRuns.map((r) => (r.id === 'sr1' ? { ...r, cases: r.cases.slice(0, 2), total: 2, done: 2, failed: 0 } : r)) })), /has 2 cases, the client submitted 3/],
    ['a case index twice', audited((a) => ({ ...a, suiteRuns: a.suiteRuns.map((r) => (r.id === 'sr1' ? { ...r, cases: [r.cases[0], r.cases[1], { ...r.cases[1], index: 1 }] as typeof r.cases } : r)) })), /has case indexes \[0,1,1\], expected \[0,1,2\] \(each once\)/],
    ['counts that disagree with the cases', audited((a) => ({ ...a, suiteRuns: a.suiteRuns.map((r) => (r.id === 'sr1' ? { ...r, passed: 3 } : r)) })), /says passed 3 but 2 of its cases are/],
    ['a case naming another run than the one recorded', audited((a) => ({ ...a, runs: a.runs.map((r) => (r.id === 'r1' ? { ...r, id: 'r1x' } : r)) })), /case 1 names run r1 but the recorded run is r1x/],
    ['a verdict its assertions do not give', audited((a) => ({ ...a, suiteRuns: a.suiteRuns.map((r) => (r.id === 'sr3' ? suiteRun('sr3', 's3', 'completed', [{ index: 0, state: 'passed', runId: 'r4' }], true) : r)), runs: a.runs.map((r) => (r.id === 'r4' ? { ...r, success: true } : r)) })), /suite s3 \(cache-fill, sr3\) case 0 ended passed, its assertions make it failed/],
    ['a case seen ended that later ran again', edited((e) => e, [suiteRecord(273.5, 's1', { op: 'event', id: 'sr1', event: 'case-started', observed: [{ index: 1, state: 'running', runId: null }] })]), /case 1 was seen passed r1 and later running \(event case-started\)/],
    ['a case seen with one run and kept with another', edited((e) => (e.type === 'suite' && e.event === 'case-finished' && e.observed?.[0]?.index === 1 ? { ...e, observed: [{ index: 1, state: 'passed', runId: 'r1-first' }] } : e)), /case 1 was seen passed r1-first and later passed r1/],
    ['an acknowledged suite run the backend does not list', audited((a) => ({ ...a, suiteRuns: a.suiteRuns.filter((r) => r.id !== 'sr1') })), /suite s1 \(plain, sr1\) was acknowledged as sr1 but the backend does not list it/],
    ['a suite run nobody started', audited((a) => ({ ...a, suiteRuns: [...a.suiteRuns, suiteRun('sr9', 's9', 'completed', [])] })), /suite run sr9 \("chaos suite s9"\) matches no suite the client started/],
    ['no audit at all', edited(dropping((e) => e.type === 'suite-audit')), /4 suite runs started but no final audit of the suite runs/],
  ])('fails on %s', (_what, h, pattern) => {
    const violations = suiteRunsComplete.check(h);
    expect(messages(violations).join('\n')).toMatch(pattern);
  });

  it('an interrupted start the backend created is found by its name and checked like the others; created twice, it fails', () => {
    const interrupted = (e: HistoryEvent): HistoryEvent | undefined => {
      if (e.type === 'suite' && e.key === 's1' && e.op === 'start-acked') return suiteRecord(61, 's1', { op: 'start-failed', interrupted: true, error: 'SUITE_RUN_START_INTERRUPTED' });
      if (e.type === 'suite' && e.key === 's1' && e.op !== 'start-sent') return undefined;
      return e;
    };
    const found = edited(interrupted, [suiteRecord(62, 's1', { op: 'start-lost' })]);
    expect(suiteRunsComplete.check(found)).toEqual([]);
    const twice = edited((e) => (e.type === 'suite-audit' ? { ...e, suiteRuns: [...e.suiteRuns, { ...SR1, id: 'sr1-again' }] } : interrupted(e)));
    expect(messages(suiteRunsComplete.check(twice)).join('\n')).toMatch(/suite s1 \(plain\) was created 2 times \(sr1, sr1-again\): a start is sent once/);
  });

  it('a refused start must not exist', () => {
    const refused = edited((e) => (e.type === 'suite' && e.key === 's1' && e.op === 'start-acked' ? suiteRecord(61, 's1', { op: 'start-failed', interrupted: false, error: 'SHUTTING_DOWN' }) : e));
    expect(messages(suiteRunsComplete.check(refused))).toContain('suite s1 (plain) exists as sr1 although its start was refused');
  });
});

describe('no-answer-paid-twice', () => {
  it('accepts a repeat of a call cut off before its answer, and of one answered just before a crash', () => {
    const h = history(lifeWithSuites());
    const s1 = h.events.filter((e) => e.type === 'model-call' && e.key === 's1');
    expect(s1.map((e) => e.type === 'model-call' && `${e.index}:${e.call}`)).toEqual(['0:10', '1:11', '2:13', '1:12', '2:14']);
    expect(answersNotRepaid.check(h)).toEqual([]);
  });

  it('fails on a repeat by the same backend (no death in between)', () => {
    const h = edited((e) => (e.type === 'model-call' && e.call === 12 ? { ...e, t: 100 } : e));
    expect(messages(answersNotRepaid.check(h))).toEqual(['suite s1 case 1: call-12 repeats call-11, answered 1ms before, with no backend death in between: paid twice by one backend']);
  });

  it('fails on a repeat of an answer the backend held long enough to journal it, unless its tree was frozen then', () => {
    const tight = { ...CONFIG, journalBoundMs: 10, toleranceMs: 5 };
    const early = (e: HistoryEvent) => (e.type === 'model-call' && e.call === 11 ? { ...e, answeredAt: 70 } : e);
    expect(messages(answersNotRepaid.check(edited(early, [], tight)))).toEqual([
      'suite s1 case 1: call-12 repeats call-11, whose answer the backend had for 31ms before it died (time to journal it: 15ms): an answer already stored was paid again',
    ]);
    const frozen: HistoryEvent[] = [
      { type: 'fault-action', t: 80, index: 9, kind: 'hang', host: 1, action: 'signal', signal: 'SIGSTOP', pid: 100, root: 100, hit: [100], detail: 'freeze' },
      { type: 'fault-action', t: 110, index: 9, kind: 'hang', host: 1, action: 'signal', signal: 'SIGCONT', pid: 100, root: 100, hit: [], detail: 'resume' },
    ];
    expect(answersNotRepaid.check(edited(early, frozen, tight))).toEqual([]);
  });

  it('fails when a recorded answer is not one of its case\'s calls, or names none', () => {
    const foreign = audited((a) => ({ ...a, runs: a.runs.map((r) => (r.id === 'r0' ? { ...r, call: 20 } : r)) }));
    expect(messages(answersNotRepaid.check(foreign))).toEqual(['suite s1 case 0: its run r0 holds call-20, which is not one of its model calls']);
    const nameless = audited((a) => ({ ...a, runs: a.runs.map((r) => (r.id === 'r0' ? { ...r, call: null } : r)) }));
    expect(messages(answersNotRepaid.check(nameless))).toEqual(['suite s1 case 0: its run r0 holds an answer that names no model call']);
  });

  it("fails on a 'resumed' answer with no backend death between its call and the record", () => {
    const h = history([...lifeWithSuites().map((e) => (e.type === 'suite-audit' ? { ...e, runs: e.runs.map((r) => (r.id === 'r4' ? { ...r, answerSource: 'resumed' } : r)) } : e))], { ...CONFIG, toleranceMs: 2 });
    expect(messages(answersNotRepaid.check(h))).toEqual(['suite s3 case 0: its run r4 says its answer was resumed, but no backend died between call-30 and the record']);
  });

  it('fails when a cache reuse pays for an answer its cache fill recorded, or takes another one', () => {
    const paid = edited((e) => e, [call(293, 40, 's3', 0, 294)]);
    expect(messages(answersNotRepaid.check(paid))).toContain('suite s4 case 0: call-40 was sent although the cache fill s3 had recorded this case (its answer was cached)');
    const other = audited((a) => ({ ...a, runs: a.runs.map((r) => (r.id === 'r5' ? { ...r, call: 31 } : r)) }));
    expect(messages(answersNotRepaid.check(other))).toEqual(['suite s4 case 0: its run r5 took call-31 from the cache, but the cache fill recorded call-30']);
  });

  it('fails on a model call naming a suite the client never started', () => {
    expect(messages(answersNotRepaid.check(edited((e) => e, [call(200, 99, 's77', 0, 210)])))).toEqual(['call-99 names suite s77, which the client never started']);
  });
});
