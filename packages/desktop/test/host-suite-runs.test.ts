import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteRun, SuiteRunEvent, TestSuite } from '@sentinel/backend/contract';
import type { WorkspaceEvent } from '../src/shared/workspace-bridge.js';
import { waitForHostEvent } from './helpers/host-events.js';
import { copySidecar } from './helpers/sidecar.js';
import { ANTHROPIC_KEY, startWorkspaceHost, type WorkspaceHost } from './helpers/workspace-host.js';

// The host relays a suite run's events (the backend's SSE, through the client's watchSuiteRun) as
// `suite-run` events, across a SIGKILL of the backend and across a crash loop ended by Retry; the
// backend is real (a private copy of the bundle, so the crash loop can break it), the model a stub.
const CASES = 16;
let dir: string;
let w: WorkspaceHost;
let sidecar: Awaited<ReturnType<typeof copySidecar>>;

const suite = (name: string): TestSuite => ({
  name,
  defaults: { model: 'claude-haiku-4-5', assertions: [{ must_contain: 'Canberra' }] },
  tests: Array.from({ length: CASES }, (_, index) => ({ name: `case-${String(index + 1).padStart(2, '0')}`, inputs: { query: `Question ${index + 1}: the capital of Australia?` } })),
});

/** The events of one suite run, as the renderer receives them. */
function record(id: () => string | undefined): { events: SuiteRunEvent[]; stop: () => void } {
  const events: SuiteRunEvent[] = [];
  const stop = w.host.onEvent((event: WorkspaceEvent) => {
    if (event.type !== 'suite-run') return;
    const runId = event.event.type === 'snapshot' || event.event.type === 'end' ? event.event.run.id : event.event.suite_run_id;
    if (runId === id()) events.push(event.event);
  });
  return { events, stop };
}

const isEndOf = (id: string) => (event: WorkspaceEvent) => event.type === 'suite-run' && event.event.type === 'end' && event.event.run.id === id;
const progressAt = (id: string, done: number) => (event: WorkspaceEvent) => event.type === 'suite-run' && event.event.type === 'progress' && event.event.suite_run_id === id && event.event.done >= done;

/** Every case recorded exactly once: one run per case index. */
async function expectEachCaseOnce(run: SuiteRun): Promise<void> {
  const page = await w.call('listRuns', { suite_run_id: run.id, limit: 200 });
  expect(page.runs).toHaveLength(CASES);
  expect(new Set(page.runs.map((item) => item.case_index)).size).toBe(CASES);
  expect(run).toMatchObject({ status: 'completed', total: CASES, done: CASES, passed: CASES });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-host-suite-runs-'));
  sidecar = await copySidecar(dir);
  // A short crash-loop budget: 2 restarts, 100 ms apart, then 'failed'.
  w = await startWorkspaceHost(join(dir, 'app'), { sidecarPath: sidecar.path, restart: { initialDelayMs: 100, factor: 1, maxDelayMs: 100, jitter: 0, maxRestarts: 2, windowMs: 60_000 } });
  await w.call('saveProviderKey', 'anthropic', ANTHROPIC_KEY);
  await w.call('createSuite', { suite: suite('Sixteen capitals') }, { id: 'sixteen' });
});
afterAll(async () => {
  await w?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('suite-run events relayed by the host', () => {
  it('two watchers share one stream; a SIGKILL mid-run: a fresh snapshot after the restart, then the end with every case once', async () => {
    w.anthropic.setBehavior({ text: 'Canberra.', delayMs: 150 });
    let runId: string | undefined;
    const { events, stop } = record(() => runId);
    const run = await w.call('startSuiteRun', { suite_id: 'sixteen', concurrency: 2 });
    runId = run.id;
    await w.call('watchSuiteRun', run.id);
    await w.call('watchSuiteRun', run.id);
    await w.call('unwatchSuiteRun', run.id); // one view left: the stream stays open
    expect(w.host.watchedSuiteRuns()).toEqual([run.id]);

    await waitForHostEvent(w.host, progressAt(run.id, 4));
    const pid = w.host.backendPid()!;
    const ended = waitForHostEvent(w.host, isEndOf(run.id), 90_000);
    process.kill(pid, 'SIGKILL');
    const end = (await ended) as { event: { run: SuiteRun } };
    stop();

    expect(events[0]?.type).toBe('snapshot');
    const snapshots = events.filter((event) => event.type === 'snapshot');
    expect(snapshots.length).toBeGreaterThanOrEqual(2); // one per connection: the stream was reopened after the restart
    expect(w.host.backendPid()).not.toBe(pid);
    await expectEachCaseOnce(end.event.run);
    expect(w.host.watchedSuiteRuns()).toEqual([]); // the relay ends with the run
    expect(await w.call('listSuiteRuns', { suite_id: 'sixteen' })).toMatchObject({ suite_runs: [{ id: run.id, status: 'completed' }] });
  });

  it('a crash loop ends in failed; after Retry the relay opens again and the run resumes to its end', async () => {
    w.anthropic.setBehavior({ text: 'Canberra.', delayMs: 250 });
    let runId: string | undefined;
    const { events, stop } = record(() => runId);
    const run = await w.call('startSuiteRun', { suite_id: 'sixteen', concurrency: 2 });
    runId = run.id;
    await w.call('watchSuiteRun', run.id);
    await waitForHostEvent(w.host, progressAt(run.id, 2));

    await sidecar.breakIt('fatal: injected by the test');
    const failed = waitForHostEvent(w.host, (event) => event.type === 'connection' && event.status.phase === 'failed', 90_000);
    process.kill(w.host.backendPid()!, 'SIGKILL');
    await failed;
    expect(w.host.watchedSuiteRuns()).toEqual([run.id]); // still wanted: opened again when the backend is back
    const before = events.length;

    await sidecar.restore();
    const ended = waitForHostEvent(w.host, isEndOf(run.id), 90_000);
    await w.call('retryBackend');
    const end = (await ended) as { event: { run: SuiteRun } };
    stop();
    expect(events.slice(before)[0]?.type).toBe('snapshot');
    await expectEachCaseOnce(end.event.run);
  });

  it('exports a finished run as JUnit XML', async () => {
    const [latest] = (await w.call('listSuiteRuns', { suite_id: 'sixteen', limit: 1 })).suite_runs;
    const report = await w.call('exportSuiteRunJunit', latest!.id);
    expect(report.file_name).toMatch(/\.xml$/);
    expect(report.xml).toContain('<testsuite');
    expect(report.xml.match(/<testcase /g)).toHaveLength(CASES);
    expect(await w.refusal('exportSuiteRunJunit', 'not-an-id')).toMatchObject({ code: 'DESKTOP_ERR_INVALID_INPUT', details: { field: 'id' } });
  });
});
