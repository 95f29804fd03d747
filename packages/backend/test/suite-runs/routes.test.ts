import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuiteRun, SuiteRunEvent } from '../../src/contract/suite-run.js';
import { SseParser } from '../../src/client/index.js';
import { startAnthropicStub } from '../../src/testing/index.js';
import { AUTH, closeFixtures, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startGateProxy } from './helpers/gate-proxy.js';
import { suiteOf } from './helpers/suites.js';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await closeFixtures();
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await removeTempDirs();
});

const suite = (count = 3) => suiteOf(count);

async function post(app: FastifyInstance, url: string, payload?: unknown) {
  const response = await app.inject({ method: 'POST', url, headers: AUTH, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function get(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: 'GET', url, headers: AUTH });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

/** Reads an SSE answer with fetch: every event (and heartbeat comment count) until the stream ends or `stop` says so. */
async function readStream(
  url: string,
  options: { stop?: (events: SuiteRunEvent[], heartbeats: number) => boolean; onEvent?: (event: SuiteRunEvent) => void } = {},
): Promise<{ events: SuiteRunEvent[]; heartbeats: number; headers: Headers }> {
  const response = await fetch(url, { headers: { ...AUTH, accept: 'text/event-stream' } });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const events: SuiteRunEvent[] = [];
  let heartbeats = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    heartbeats += text.split(': heartbeat').length - 1;
    for (const event of parser.feed(text)) {
      expect(event.event).toBe((JSON.parse(event.data) as SuiteRunEvent).type);
      events.push(JSON.parse(event.data) as SuiteRunEvent);
      options.onEvent?.(events.at(-1) as SuiteRunEvent);
    }
    if (options.stop?.(events, heartbeats) === true) {
      await reader.cancel();
      break;
    }
  }
  return { events, heartbeats, headers: response.headers };
}

describe('POST /api/suite-runs, GET /api/suite-runs[/:id]', () => {
  it('starts an inline suite (202), gets it, lists newest first with paging', async () => {
    const { app } = await startAppFixture();
    const first = await post(app, '/api/suite-runs', { suite: suite(2), concurrency: 2 });
    expect(first.status).toBe(202);
    const started = first.body.suite_run as SuiteRun;
    expect(started).toMatchObject({ status: 'running', total: 2, concurrency: 2, cache: false, suite: { id: null, name: 'Stub suite' } });
    const second = (await post(app, '/api/suite-runs', { suite: { ...suite(1), name: 'Other' }, cache: true })).body.suite_run as SuiteRun;
    const one = await get(app, `/api/suite-runs/${started.id}`);
    expect(one.status).toBe(200);
    expect((one.body.suite_run as SuiteRun).cases).toHaveLength(2);
    const page = await get(app, '/api/suite-runs?limit=1');
    expect((page.body.suite_runs as SuiteRun[]).map((run) => run.id)).toEqual([second.id]);
    expect(page.body.suite_runs as object[]).not.toHaveProperty('0.cases');
    const next = await get(app, `/api/suite-runs?limit=1&cursor=${String(page.body.next_cursor)}`);
    expect(next.body).toMatchObject({ suite_runs: [{ id: started.id }], next_cursor: null });
  });

  it('starts a library suite by id (its id recorded), 404 for an unknown one', async () => {
    const { app } = await startAppFixture();
    expect((await post(app, '/api/suites', { id: 'nightly', suite: suite(2) })).status).toBe(201);
    const started = await post(app, '/api/suite-runs', { suite_id: 'nightly' });
    expect(started).toMatchObject({ status: 202, body: { suite_run: { suite: { id: 'nightly', name: 'Stub suite', version: '1' }, total: 2 } } });
    expect(await post(app, '/api/suite-runs', { suite_id: 'gone' })).toMatchObject({ status: 404, body: { error: { code: 'SUITE_NOT_FOUND', id: 'gone' } } });
  });

  it('refuses bad requests naming the field, before anything is stored', async () => {
    const { app, stub } = await startAppFixture();
    const broken = suite(2);
    const cases: Array<[unknown, string]> = [
      [{}, 'suite'],
      [{ suite: suite(1), suite_id: 'nightly' }, 'suite'],
      [{ suite: suite(1), extra: 1 }, 'extra'],
      [{ suite: suite(1), concurrency: 0 }, 'concurrency'],
      [{ suite: suite(1), concurrency: '4' }, 'concurrency'],
      [{ suite: { ...broken, tests: [broken.tests[0], { ...broken.tests[1], model: 'llama-3' }] } }, 'suite.tests[1].provider'],
      [{ suite: { ...broken, tests: [{ ...broken.tests[0], assertions: [{ must_contian: 'x' }] }] } }, 'suite.tests[0].assertions[0].must_contian'],
      [{ suite_id: '../etc' }, 'suite_id'],
    ];
    for (const [payload, field] of cases) {
      const answer = await post(app, '/api/suite-runs', payload);
      expect(answer.status, JSON.stringify(payload)).toBe(400);
      expect(answer.body.error, JSON.stringify(payload)).toMatchObject({ code: 'VALIDATION_ERROR', field });
    }
    expect((await get(app, '/api/suite-runs')).body).toEqual({ suite_runs: [], next_cursor: null });
    expect(stub.requests).toHaveLength(0);
    expect(await get(app, '/api/suite-runs/0000000000000000aaaaaaaa')).toMatchObject({ status: 404, body: { error: { code: 'SUITE_RUN_NOT_FOUND', id: '0000000000000000aaaaaaaa' } } });
    expect(await get(app, '/api/suite-runs/nope')).toMatchObject({ status: 400, body: { error: { field: 'params.id' } } });
    expect(await get(app, '/api/suite-runs?limit=201')).toMatchObject({ status: 400, body: { error: { field: 'querystring.limit' } } });
    expect(await post(app, '/api/suite-runs/0000000000000000aaaaaaaa/cancel', { why: 1 })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
  });
});

describe('cancel, rerun-failed and compare routes', () => {
  it('cancels, re-runs the failed cases (202, rerun_of) and compares', async () => {
    const { app, stub } = await startAppFixture({ suiteDrainTimeoutMs: 0 });
    const failing = suiteOf(3, { mustContain: (index) => (index === 1 ? 'Zebra' : 'Stub reply') });
    const base = (await post(app, '/api/suite-runs', { suite: failing })).body.suite_run as SuiteRun;
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await readStream(`${url}/api/suite-runs/${base.id}/events`);
    const rerun = await post(app, `/api/suite-runs/${base.id}/rerun-failed`);
    expect(rerun).toMatchObject({ status: 202, body: { suite_run: { rerun_of: base.id, total: 1, cases: [{ name: 'case-1' }] } } });
    const head = rerun.body.suite_run as SuiteRun;
    await readStream(`${url}/api/suite-runs/${head.id}/events`);
    const comparison = await get(app, `/api/suite-runs/${base.id}/compare/${head.id}`);
    expect(comparison.status).toBe(200);
    expect(comparison.body.comparison).toMatchObject({ removed_cases: [{ name: 'case-0' }, { name: 'case-2' }], unchanged: [{ name: 'case-1', change: 'unchanged' }] });
    stub.setBehavior({ hang: true });
    const hanging = (await post(app, '/api/suite-runs', { suite: suite(2) })).body.suite_run as SuiteRun;
    const cancelled = await post(app, `/api/suite-runs/${hanging.id}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { suite_run: { status: 'cancelled' } } });
    expect(await post(app, `/api/suite-runs/${hanging.id}/cancel`, {})).toMatchObject({ status: 200, body: { suite_run: { status: 'cancelled' } } });
    expect(await post(app, '/api/suite-runs/0000000000000000aaaaaaaa/rerun-failed')).toMatchObject({ status: 404, body: { error: { code: 'SUITE_RUN_NOT_FOUND' } } });
  });
});

describe('GET /api/suite-runs/:id/events (Server-Sent Events)', () => {
  it('gives two clients the same run: snapshot first, each case started and finished, progress, and end', async () => {
    const stub = await startAnthropicStub();
    const gate = await startGateProxy(stub.url);
    cleanups.push(() => gate.close(), () => stub.close());
    const { app } = await startAppFixture({ anthropicBaseUrl: gate.url });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const started = (await post(app, '/api/suite-runs', { suite: suite(4), concurrency: 1 })).body.suite_run as SuiteRun;
    let snapshots = 0;
    let bothWatching: () => void = () => undefined;
    const watching = new Promise<void>((resolve) => (bothWatching = resolve));
    const onEvent = (event: SuiteRunEvent): void => {
      if (event.type === 'snapshot' && ++snapshots === 2) bothWatching();
    };
    const streams = Promise.all([readStream(`${url}/api/suite-runs/${started.id}/events`, { onEvent }), readStream(`${url}/api/suite-runs/${started.id}/events`, { onEvent })]);
    await watching;
    gate.open(); // the model answers only once both clients watch
    const [one, two] = await streams;
    expect(one.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(one.headers.get('cache-control')).toBe('no-store');
    for (const stream of [one, two]) {
      expect(stream.events[0]?.type).toBe('snapshot');
      const end = stream.events.at(-1);
      expect(end).toMatchObject({ type: 'end', run: { status: 'completed', done: 4, passed: 4 } });
      // Case 0 was claimed (started) as the run began, before any client connected: the snapshot shows it running.
      const snapshot = stream.events[0] as Extract<SuiteRunEvent, { type: 'snapshot' }>;
      expect(snapshot.run.cases.map((entry) => entry.state)).toEqual(['running', 'pending', 'pending', 'pending']);
      expect(stream.events.map((event) => event.type)).toEqual([
        'snapshot',
        'case-finished',
        'progress',
        ...[1, 2, 3].flatMap(() => ['case-started', 'case-finished', 'progress']),
        'end',
      ]);
      const finishedIndexes = stream.events.flatMap((event) => (event.type === 'case-finished' ? [event.case.index] : []));
      expect(finishedIndexes).toEqual([0, 1, 2, 3]);
      const lastProgress = stream.events.findLast((event) => event.type === 'progress');
      expect(lastProgress).toMatchObject({ total: 4, done: 4, passed: 4, failed: 0, errors: 0 });
    }
    const late = await readStream(`${url}/api/suite-runs/${started.id}/events`);
    expect(late.events.map((event) => event.type)).toEqual(['snapshot', 'end']);
    const missing = await fetch(`${url}/api/suite-runs/0000000000000000aaaaaaaa/events`, { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('SUITE_RUN_NOT_FOUND');
  });

  it('sends heartbeats on a quiet stream, and ends open streams cleanly when the app closes', async () => {
    const { app, stub } = await startAppFixture({ eventHeartbeatMs: 40, suiteDrainTimeoutMs: 0 });
    stub.setBehavior({ hang: true });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const started = (await post(app, '/api/suite-runs', { suite: suite(1) })).body.suite_run as SuiteRun;
    const quiet = await readStream(`${url}/api/suite-runs/${started.id}/events`, { stop: (_events, heartbeats) => heartbeats >= 2 });
    expect(quiet.events.map((event) => event.type)).toEqual(['snapshot']);
    const open = await fetch(`${url}/api/suite-runs/${started.id}/events`, { headers: AUTH });
    const reader = (open.body as ReadableStream<Uint8Array>).getReader();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const seen: string[] = [];
    while (!seen.includes('snapshot')) seen.push(...parser.feed(decoder.decode((await reader.read()).value, { stream: true })).map((event) => event.event));
    await app.close(); // would wait for the open stream if closing did not end it
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) seen.push(...parser.feed(decoder.decode(chunk.value, { stream: true })).map((event) => event.event));
    expect(seen).toEqual(['snapshot']); // the run did not end: the stream did
  });
});
