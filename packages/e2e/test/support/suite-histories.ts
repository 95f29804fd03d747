import type { AuditedCaseRun, HistoryEvent, ModelCallRecord, ObservedCase, ObservedSuiteRun, SuiteRecord } from '../../src/history/types.js';
import { healthyLife } from './histories.js';

type Fields = Omit<SuiteRecord, 'type' | 't' | 'key'>;

export function suiteRecord(t: number, key: string, fields: Fields): SuiteRecord {
  return { type: 'suite', t, key, ...fields };
}

export function call(t: number, callNo: number, key: string, index: number, answeredAt: number | null): ModelCallRecord {
  return { type: 'model-call', t, call: callNo, hash: `hash-${key}-${index}`, key, index, answeredAt, status: answeredAt === null ? null : 200 };
}

export function caseRun(id: string, suiteRunId: string, index: number, callNo: number | null, startedAt: number, options: { success?: boolean; source?: string } = {}): AuditedCaseRun {
  return { id, suiteRunId, index, success: options.success ?? true, answerSource: options.source ?? 'provider', call: callNo, startedAt, finishedAt: startedAt + 10 };
}

const c = (index: number, state: string, runId: string | null = null): ObservedCase => ({ index, state, runId });

export function suiteRun(id: string, key: string, status: string, cases: ObservedCase[], cache = false): ObservedSuiteRun {
  const count = (state: string) => cases.filter((x) => x.state === state).length;
  return { id, name: `chaos suite ${key}`, status, total: cases.length, done: count('passed') + count('failed') + count('error'), passed: count('passed'), failed: count('failed'), errors: count('error'), cache, cases };
}

/** s1 (plain, 3 cases) rides through the crash at 101; s2 is cancelled after its first case; s3 fills the cache, s4 reuses it. */
export const SR1 = suiteRun('sr1', 's1', 'completed', [c(0, 'passed', 'r0'), c(1, 'passed', 'r1'), c(2, 'failed', 'r2')]);
export const SR2 = suiteRun('sr2', 's2', 'cancelled', [c(0, 'passed', 'r3'), c(1, 'pending')]);
export const SR3 = suiteRun('sr3', 's3', 'completed', [c(0, 'failed', 'r4')], true);
export const SR4 = suiteRun('sr4', 's4', 'completed', [c(0, 'failed', 'r5')], true);

export const RUNS: AuditedCaseRun[] = [
  caseRun('r0', 'sr1', 0, 10, 62),
  caseRun('r1', 'sr1', 1, 12, 262),
  caseRun('r2', 'sr1', 2, 14, 263, { success: false }),
  caseRun('r3', 'sr2', 0, 20, 277),
  caseRun('r4', 'sr3', 0, 30, 287, { success: false }),
  caseRun('r5', 'sr4', 0, 30, 293, { success: false, source: 'cache' }),
];

/** The client's suites against healthyLife's backend (crash at 101, ready again at 260), audited at 299. */
export function suiteEvents(): HistoryEvent[] {
  const ended = (run: ObservedSuiteRun) => run.cases.filter((x) => x.state !== 'pending' && x.state !== 'running');
  return [
    suiteRecord(60, 's1', { op: 'start-sent', kind: 'plain', cases: 3, cache: false, expected: ['passed', 'passed', 'failed'] }),
    suiteRecord(61, 's1', { op: 'start-acked', id: 'sr1', status: 'running' }),
    suiteRecord(61.5, 's1', { op: 'event', id: 'sr1', event: 'snapshot', status: 'running', done: 0, observed: [] }),
    call(62, 10, 's1', 0, 70),
    call(63, 11, 's1', 1, 99),
    call(64, 13, 's1', 2, null),
    suiteRecord(72, 's1', { op: 'event', id: 'sr1', event: 'case-finished', observed: [c(0, 'passed', 'r0')] }),
    suiteRecord(261, 's1', { op: 'event', id: 'sr1', event: 'snapshot', status: 'running', done: 1, observed: [c(0, 'passed', 'r0')] }),
    call(262, 12, 's1', 1, 270),
    call(263, 14, 's1', 2, 271),
    suiteRecord(272, 's1', { op: 'event', id: 'sr1', event: 'case-finished', observed: [c(1, 'passed', 'r1')] }),
    suiteRecord(273, 's1', { op: 'event', id: 'sr1', event: 'case-finished', observed: [c(2, 'failed', 'r2')] }),
    suiteRecord(274, 's1', { op: 'event', id: 'sr1', event: 'end', status: 'completed', done: 3, observed: ended(SR1) }),
    suiteRecord(274, 's1', { op: 'final', id: 'sr1', run: SR1 }),
    suiteRecord(275, 's2', { op: 'start-sent', kind: 'cancel', cases: 2, cache: false, expected: ['passed', 'failed'] }),
    suiteRecord(276, 's2', { op: 'start-acked', id: 'sr2', status: 'running' }),
    call(277, 20, 's2', 0, 280),
    call(278, 21, 's2', 1, null),
    suiteRecord(282, 's2', { op: 'poll', id: 'sr2', status: 'running', done: 1, observed: [c(0, 'passed', 'r3')] }),
    suiteRecord(282, 's2', { op: 'cancel-sent', id: 'sr2' }),
    suiteRecord(284, 's2', { op: 'cancel-acked', id: 'sr2', status: 'cancelled', done: 1 }),
    suiteRecord(285, 's2', { op: 'final', id: 'sr2', run: SR2 }),
    suiteRecord(286, 's3', { op: 'start-sent', kind: 'cache-fill', cases: 1, cache: true, expected: ['failed'] }),
    suiteRecord(286.5, 's3', { op: 'start-acked', id: 'sr3', status: 'running' }),
    call(287, 30, 's3', 0, 289),
    suiteRecord(291, 's3', { op: 'final', id: 'sr3', run: SR3 }),
    suiteRecord(292, 's4', { op: 'start-sent', kind: 'cache-reuse', cases: 1, cache: true, expected: ['failed'], reuses: 's3' }),
    suiteRecord(292.5, 's4', { op: 'start-acked', id: 'sr4', status: 'running' }),
    suiteRecord(295, 's4', { op: 'final', id: 'sr4', run: SR4 }),
    { type: 'suite-audit', t: 299, suiteRuns: [SR4, SR3, SR2, SR1], runs: RUNS },
  ];
}

/** healthyLife with the client's suites. */
export function lifeWithSuites(): HistoryEvent[] {
  return [...healthyLife(), ...suiteEvents()];
}
