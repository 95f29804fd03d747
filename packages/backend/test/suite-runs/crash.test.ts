import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SuiteRunEvent } from '../../src/contract/suite-run.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startAnthropicStub, type AnthropicStub, type StubBehavior } from '../../src/testing/index.js';
import { killSidecars } from '../helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { ANTHROPIC_KEY, EventLog, RestartableBackend, forgetSidecarBundle } from './helpers/backend-process.js';
import { startGateProxy, type GateProxy } from './helpers/gate-proxy.js';
import { removeJournalChild, spawnJournalChild } from './helpers/journal-child.js';
import { questionOf, suiteOf } from './helpers/suites.js';

const stubs: AnthropicStub[] = [];
const watchers: AbortController[] = [];
const gates: GateProxy[] = [];

afterEach(async () => {
  for (const watcher of watchers.splice(0)) watcher.abort();
  await killSidecars();
  await Promise.all(gates.splice(0).map((gate) => gate.close()));
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  await removeTempDirs();
  forgetSidecarBundle(); // its copy was a temp dir
});
afterAll(removeJournalChild);

async function backendWithStub(extraEnv: Record<string, string> = {}): Promise<{ backend: RestartableBackend; stub: AnthropicStub }> {
  const stub = await startAnthropicStub();
  stubs.push(stub);
  const env = { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: stub.url, SENTINEL_MODEL_MAX_RETRIES: '0', ...extraEnv };
  return { backend: new RestartableBackend(await makeTempDir(), env), stub };
}

function watch(backend: RestartableBackend, id: string): EventLog {
  const controller = new AbortController();
  watchers.push(controller);
  return new EventLog(backend.client(), id, controller.signal);
}

/** The run's done count as last seen: from its latest progress event or snapshot. */
function doneOf(events: readonly SuiteRunEvent[]): number {
  const last = events.findLast((event) => event.type === 'progress' || event.type === 'snapshot' || event.type === 'end');
  if (last === undefined) return 0;
  return last.type === 'progress' ? last.done : last.type === 'snapshot' || last.type === 'end' ? last.run.done : 0;
}

/** Each stub model call's question, per request body, with how often it was sent and answered. */
function callsByQuestion(stub: AnthropicStub): Map<string, { count: number; succeeded: number }> {
  return new Map(stub.callsByRequest().map((group) => [questionOf(group.requests[0]?.body), { count: group.count, succeeded: group.succeeded }]));
}

/** Opens the (unlocked) data directory after the backend stopped, to read what it recorded. */
async function recorded(dataDir: string, suiteRunId: string) {
  const { store } = await openSqliteStore({ dataDir });
  try {
    const plan = await store.getSuiteRunPlan(suiteRunId);
    const runs = await store.listRuns({ suite_run_id: suiteRunId }, { limit: 200 });
    return { plan, runs: runs.runs };
  } finally {
    await store.close();
  }
}

describe('suite runs through a SIGKILL of the real sidecar', () => {
  it('resumes by itself on the same data dir: every case recorded exactly once, no answered request paid twice', async () => {
    const { backend, stub } = await backendWithStub();
    const answeredBeforeKill = 6;
    let killed = false;
    let inFlightAtKill: () => void = () => undefined;
    const allArrived = new Promise<void>((resolve) => (inFlightAtKill = resolve));
    // Before the kill: the first 6 calls are answered, the next 4 hang (in flight, unpaid, at the kill).
    stub.setBehavior((_request, index): StubBehavior => {
      if (killed) return { delayMs: 20 };
      if (index === answeredBeforeKill + 3) inFlightAtKill();
      return index < answeredBeforeKill ? { delayMs: 20 } : { hang: true };
    });
    await backend.start();
    const client = backend.client();
    const started = await client.startSuiteRun({ suite: suiteOf(20), concurrency: 4 });
    const log = watch(backend, started.id);
    const second = watch(backend, started.id); // two clients watch the same run through the crash
    await allArrived;
    console.log('arrived', JSON.stringify(log.events.map((e) => [e.event.type, doneOf([e.event])])));
    await log.until((events) => doneOf(events) === answeredBeforeKill);
    killed = true;
    const killedAt = performance.now();
    const killedAtWall = Date.now();
    expect((await backend.stop('SIGKILL')).signal).toBe('SIGKILL');
    const restarted = await backend.start();
    const firstRecorded = await restarted.waitForLine((line) => line.msg === 'suite-run case recorded');
    const resumedLine = await restarted.waitForLine((line) => line.msg === 'suite runs resumed');
    const since = (line: Record<string, unknown>): number => (line.time as number) - killedAtWall;
    console.info(
      `[figure] SIGKILL to the next case recorded: ${Math.round(performance.now() - killedAt)} ms as seen by the test ` +
        `(restarted backend: resumed at +${since(resumedLine)} ms, first case recorded at +${since(firstRecorded)} ms)`,
    );
    await log.until((events) => events.some((event) => event.type === 'end'));
    const end = log.events.at(-1)?.event;
    expect(end).toMatchObject({ type: 'end', run: { status: 'completed', total: 20, done: 20, passed: 20, failed: 0, errors: 0 } });
    expect(log.events.filter((entry) => entry.event.type === 'snapshot')).toHaveLength(2); // one per connection
    await second.until((events) => events.some((event) => event.type === 'end'));
    expect(second.events.at(-1)?.event).toEqual(end);
    await backend.stop('SIGTERM');
    const { plan, runs } = await recorded(backend.dataDir, started.id);
    expect(runs).toHaveLength(20);
    expect(new Set(runs.map((run) => run.case_index)).size).toBe(20);
    const calls = callsByQuestion(stub);
    expect(calls.size).toBe(20);
    for (const [, group] of calls) expect(group.succeeded).toBe(1);
    const hung = [...calls.values()].filter((group) => group.count === 2);
    expect(hung).toHaveLength(4); // the four in flight at the kill ran again, and were paid once
    expect(plan?.cases.filter((entry) => entry.attempts === 2)).toHaveLength(4);
    expect(plan?.cases.filter((entry) => entry.attempts === 1)).toHaveLength(16);
  });
});

describe('the answer journal: a kill between the answer and the recorded case', () => {
  it('reuses the answer journaled before the kill: the model is not called again for it', async () => {
    const { backend, stub } = await backendWithStub();
    stub.setBehavior({ text: 'Stub reply, paid once' });
    const child = await spawnJournalChild(backend.dataDir, { SUITE: JSON.stringify(suiteOf(3)), ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: stub.url });
    const { id } = await child.waitForLine((line) => line.event === 'started');
    const journaled = await child.waitForLine((line) => line.event === 'journaled');
    expect(journaled.index).toBe(0);
    child.child.kill('SIGKILL');
    await child.exited;
    expect(stub.callsByRequest()).toHaveLength(1); // case 0 answered (and journaled); cases 1 and 2 never started
    await backend.start();
    const log = watch(backend, id as string);
    await log.until((events) => events.some((event) => event.type === 'end'));
    expect(log.events.at(-1)?.event).toMatchObject({ type: 'end', run: { status: 'completed', done: 3, passed: 3 } });
    await backend.stop('SIGTERM');
    const { runs, plan } = await recorded(backend.dataDir, id as string);
    const first = runs.find((run) => run.case_index === 0);
    expect(first).toMatchObject({ answer_source: 'resumed', output: 'Stub reply, paid once', success: true });
    expect(first?.notes.join(' ')).toContain('was kept');
    expect(runs.filter((run) => run.answer_source === 'provider')).toHaveLength(2);
    expect(plan?.cases[0]?.attempts).toBe(2);
    const calls = callsByQuestion(stub);
    expect([...calls.values()].map((group) => group.count)).toEqual([1, 1, 1]);
    expect(calls.get('question 0')).toEqual({ count: 1, succeeded: 1 });
  });
});

describe('cancel and SIGTERM through the real sidecar', () => {
  it('keeps an acknowledged cancel through a SIGKILL: the run stays cancelled and nothing more is called', async () => {
    const { backend, stub } = await backendWithStub();
    const twoInFlight = new Promise<void>((resolve) => stub.setBehavior((_request, index) => (index === 1 && resolve(), { hang: true })));
    await backend.start();
    const client = backend.client();
    const started = await client.startSuiteRun({ suite: suiteOf(8), concurrency: 2 });
    const log = watch(backend, started.id);
    await twoInFlight;
    const cancelled = await client.cancelSuiteRun(started.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', done: 0 });
    expect(cancelled.cases.map((entry) => entry.state)).toEqual(Array(8).fill('pending'));
    await log.until((events) => events.some((event) => event.type === 'end'));
    const callsAtCancel = stub.requests.length;
    expect(callsAtCancel).toBe(2);
    await backend.stop('SIGKILL');
    stub.setBehavior({});
    await backend.start();
    const after = await backend.client().getSuiteRun(started.id);
    expect(after).toMatchObject({ status: 'cancelled', done: 0, finished_at: cancelled.finished_at });
    expect((await backend.client().listSuiteRuns()).suite_runs.map((run) => [run.id, run.status])).toEqual([[started.id, 'cancelled']]);
    await backend.stop('SIGTERM');
    expect(stub.requests.length).toBe(callsAtCancel);
  });

  it('SIGTERM with cases in flight: the drain waits for them to be recorded, starts no others, and the restart runs the rest', async () => {
    const stub = await startAnthropicStub();
    stubs.push(stub);
    const gate = await startGateProxy(stub.url);
    gates.push(gate);
    const env = { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: gate.url, SENTINEL_MODEL_MAX_RETRIES: '0', SENTINEL_DRAIN_TIMEOUT_MS: '30000' };
    const backend = new RestartableBackend(await makeTempDir(), env);
    const sidecar = await backend.start();
    const client = backend.client();
    const started = await client.startSuiteRun({ suite: suiteOf(8), concurrency: 4 });
    await gate.waitForRequests(4);
    const exited = backend.stop('SIGTERM');
    await sidecar.waitForLine((line) => line.msg === 'shutting down');
    gate.open(); // the four calls in flight at the SIGTERM are answered now, during the drain
    const drained = await sidecar.waitForLine((line) => line.msg === 'suite runs drained');
    expect(drained).toMatchObject({ recorded: 4, leftForResume: 4 });
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(gate.received()).toBe(4); // nothing started after the SIGTERM
    const halfway = await recorded(backend.dataDir, started.id);
    expect(halfway.plan?.cases.map((entry) => entry.state)).toEqual(['passed', 'passed', 'passed', 'passed', 'pending', 'pending', 'pending', 'pending']);
    await backend.start();
    const log = watch(backend, started.id);
    await log.until((events) => events.some((event) => event.type === 'end'));
    expect(log.events.at(-1)?.event).toMatchObject({ type: 'end', run: { status: 'completed', done: 8, passed: 8 } });
    await backend.stop('SIGTERM');
    expect([...callsByQuestion(stub).values()].map((group) => group.count)).toEqual(Array(8).fill(1));
  });

  it('SIGTERM past the drain bound: the calls still in flight are cut and left to the resume, never recorded as errors', async () => {
    const { backend, stub } = await backendWithStub({ SENTINEL_DRAIN_TIMEOUT_MS: '300' });
    let killed = false;
    const twoInFlight = new Promise<void>((resolve) => stub.setBehavior((_request, index): StubBehavior => (killed ? {} : (index === 1 && resolve(), { hang: true }))));
    const sidecar = await backend.start();
    const started = await backend.client().startSuiteRun({ suite: suiteOf(6), concurrency: 2 });
    await twoInFlight;
    const exited = backend.stop('SIGTERM');
    const drained = await sidecar.waitForLine((line) => line.msg === 'suite runs drained');
    expect(drained).toMatchObject({ recorded: 0, leftForResume: 6 });
    expect((await exited).code).toBe(0);
    const halfway = await recorded(backend.dataDir, started.id);
    expect(halfway.plan?.cases.map((entry) => entry.state)).toEqual(['running', 'running', 'pending', 'pending', 'pending', 'pending']);
    killed = true;
    await backend.start();
    const log = watch(backend, started.id);
    await log.until((events) => events.some((event) => event.type === 'end'));
    expect(log.events.at(-1)?.event).toMatchObject({ type: 'end', run: { status: 'completed', done: 6, passed: 6, errors: 0 } });
    await backend.stop('SIGTERM');
    expect([...callsByQuestion(stub).values()].map((group) => group.succeeded)).toEqual(Array(6).fill(1));
  });
});
