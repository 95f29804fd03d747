import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SuiteRunEvent } from '../../src/contract/suite-run.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startAnthropicStub, type AnthropicStub, type StubBehavior } from '../../src/testing/index.js';
import { killSidecars } from '../helpers/sidecar-process.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { ANTHROPIC_KEY, EventLog, RestartableBackend, forgetSidecarBundle } from './helpers/backend-process.js';
import { questionOf, suiteOf } from './helpers/suites.js';

const stubs: AnthropicStub[] = [];
const watchers: AbortController[] = [];

afterEach(async () => {
  for (const watcher of watchers.splice(0)) watcher.abort();
  await killSidecars();
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  await removeTempDirs();
});
afterAll(forgetSidecarBundle);

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

const finishedCount = (events: readonly SuiteRunEvent[]): number => events.filter((event) => event.type === 'case-finished').length;

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
    let arrivals = 0;
    let killed = false;
    // Before the kill: the first 6 calls are answered, every later one hangs (in flight, unpaid, at the kill).
    stub.setBehavior((): StubBehavior => (killed ? { delayMs: 20 } : arrivals++ < answeredBeforeKill ? { delayMs: 20 } : { hang: true }));
    await backend.start();
    const client = backend.client();
    const started = await client.startSuiteRun({ suite: suiteOf(20), concurrency: 4 });
    const log = watch(backend, started.id);
    await log.until((events) => finishedCount(events) >= answeredBeforeKill && stub.requests.length >= answeredBeforeKill + 4);
    killed = true;
    const killedAt = performance.now();
    expect((await backend.stop('SIGKILL')).signal).toBe('SIGKILL');
    await backend.start();
    await log.until((events) => events.some((event) => event.type === 'end'));
    const firstAfter = log.events.find((entry) => entry.at > killedAt && entry.event.type === 'case-finished');
    console.info(`[figure] SIGKILL to the next case recorded (restart included): ${Math.round((firstAfter?.at ?? 0) - killedAt)} ms`);
    const end = log.events.at(-1)?.event;
    expect(end).toMatchObject({ type: 'end', run: { status: 'completed', total: 20, done: 20, passed: 20, failed: 0, errors: 0 } });
    expect(log.events.filter((entry) => entry.event.type === 'snapshot')).toHaveLength(2); // one per connection
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
