import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackendHttpError,
  RequestInterruptedError,
  SuiteRunStartInterruptedError,
  createBackendClient,
  type BackendClient,
} from '../../src/client/index.js';
import type { SuiteRunEvent } from '../../src/contract/suite-run.js';
import { API_KEY, TOKEN, closeFixtures, spec, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { suiteOf } from '../suite-runs/helpers/suites.js';
import type { TestSpec } from '../../src/contract/spec.js';

const servers: Array<{ close: () => void }> = [];

afterEach(async () => {
  for (const server of servers.splice(0)) server.close();
  await closeFixtures();
  await removeTempDirs();
});

async function clientOfApp(): Promise<{ client: BackendClient; stub: Awaited<ReturnType<typeof startAppFixture>>['stub'] }> {
  const { app, stub } = await startAppFixture();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { client: createBackendClient({ baseUrl: url, token: TOKEN }), stub };
}

const testSpec = spec() as unknown as TestSpec;
const yamlTest = '# kept byte for byte\nname: yaml test\nmodel: claude-test-1\ninputs:\n  query: Capital of France?\nassertions:\n  - must_contain: France\n';

describe('the client covers every route', () => {
  it('library tests: create (JSON and YAML), list with filters, get, export, update with revision, run, delete', async () => {
    const { client } = await clientOfApp();
    const created = await client.createTest({ spec: { ...testSpec, tags: ['smoke'] } }, { id: 'capital' });
    expect(created).toMatchObject({ id: 'capital', kind: 'test', path: 'tests/capital.yaml' });
    const fromYaml = await client.createTest({ yaml: yamlTest }, { id: 'from-yaml' });
    expect((await client.exportTest('from-yaml')).yaml).toBe(yamlTest);
    expect(await client.exportTest('from-yaml')).toMatchObject({ revision: fromYaml.revision, fileName: 'from-yaml.yaml' });
    expect((await client.listTests({ tag: 'smoke' })).tests.map((test) => test.id)).toEqual(['capital']);
    expect((await client.listTests()).broken).toEqual([]);
    expect((await client.getTest('capital')).revision).toBe(created.revision);
    const updated = await client.updateTest('capital', { spec: { ...testSpec, name: 'renamed' } }, { revision: created.revision });
    expect(updated.spec.name).toBe('renamed');
    await expect(client.updateTest('capital', { spec: testSpec }, { revision: created.revision })).rejects.toMatchObject({ code: 'REVISION_CONFLICT', status: 409 });
    const yamlUpdate = await client.updateTest('from-yaml', { yaml: yamlTest.replace('yaml test', 'yaml test 2') }, { revision: fromYaml.revision });
    expect(yamlUpdate.spec.name).toBe('yaml test 2');
    const run = await client.runTest('capital');
    expect(run).toMatchObject({ test_id: 'capital', success: true });
    expect((await client.listRuns({ test_id: 'capital' })).runs.map((entry) => entry.id)).toEqual([run.id]);
    const deleted = await client.deleteTest('capital', { revision: updated.revision });
    expect(deleted).toMatchObject({ id: 'capital', revision: updated.revision });
    await expect(client.getTest('capital')).rejects.toMatchObject({ code: 'TEST_NOT_FOUND', status: 404 });
  });

  it('library suites, templates, providers', async () => {
    const { client } = await clientOfApp();
    const suite = await client.createSuite({ suite: suiteOf(2) }, { id: 'nightly' });
    expect(suite).toMatchObject({ id: 'nightly', kind: 'suite' });
    expect((await client.listSuites({ q: 'stub' })).suites.map((entry) => entry.id)).toEqual(['nightly']);
    expect((await client.getSuite('nightly')).suite.tests).toHaveLength(2);
    expect((await client.exportSuite('nightly')).yaml).toContain('name: Stub suite');
    const renamed = await client.updateSuite('nightly', { suite: { ...suiteOf(2), name: 'Renamed' } });
    expect(renamed.suite.name).toBe('Renamed');
    expect((await client.deleteSuite('nightly')).yaml).toContain('Renamed');
    const templates = await client.listTemplates();
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.some((template) => template.kind === 'suite')).toBe(true);
    const providers = await client.listProviders();
    expect(providers.map((provider) => [provider.name, provider.configured])).toEqual([['anthropic', true], ['openai', false]]);
    expect(await client.verifyProvider('anthropic')).toMatchObject({ provider: 'anthropic', ok: true });
    expect(await client.verifyProvider('openai')).toMatchObject({ ok: false });
    expect(await client.verifyProvider('anthropic', API_KEY)).toMatchObject({ ok: true });
  });

  it('runs: execute, list with every filter, get, compare', async () => {
    const { client } = await clientOfApp();
    const base = await client.execute({ ...testSpec, tags: ['a'] });
    const head = await client.execute({ ...testSpec, tags: ['a'] });
    const failing = await client.execute({ ...testSpec, assertions: [{ must_contain: 'Zebra' }] });
    expect((await client.listRuns({ passed: false })).runs.map((run) => run.id)).toEqual([failing.id]);
    expect((await client.listRuns({ tag: 'a', limit: 1 })).runs.map((run) => run.id)).toEqual([head.id]);
    expect((await client.listRuns({ model: 'claude-test-1' })).runs).toHaveLength(3);
    expect((await client.getRun(base.id)).id).toBe(base.id);
    const comparison = await client.compareRuns(base.id, head.id);
    expect(comparison).toMatchObject({ base: { id: base.id }, head: { id: head.id }, regressions: [], total_tokens: { flagged: false }, cost_usd: { flagged: false } });
    // Against a zero-latency stub the two latencies are a few milliseconds of noise: only they may flag it.
    expect(comparison.regressed).toBe(comparison.latency_ms.flagged);

    await client.createTest({ spec: testSpec }, { id: 'draft-of' });
    expect(await client.execute(testSpec, { testId: 'draft-of' })).toMatchObject({ test_id: 'draft-of' });
    expect(await client.validate({ test_spec: testSpec })).toMatchObject({ valid: true, kind: 'test', cases: [{ name: testSpec.name }] });
    expect(await client.validate({ suite: suiteOf(2) })).toMatchObject({ kind: 'suite', cases: [{ name: 'case-0' }, { name: 'case-1' }] });
    await expect(client.validate({ test_spec: { ...testSpec, temperature: 3 } })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'test_spec.temperature' } });
  });

  it('suite runs: start, watch to the end, get, list, rerun failed, compare, cancel; errors keep their code', async () => {
    const { client, stub } = await clientOfApp();
    const started = await client.startSuiteRun({ suite: suiteOf(3, { mustContain: (index) => (index === 2 ? 'Zebra' : 'Stub reply') }), concurrency: 2 });
    const events: SuiteRunEvent[] = [];
    for await (const event of client.watchSuiteRun(started.id)) events.push(event);
    expect(events[0]?.type).toBe('snapshot');
    expect(events.at(-1)).toMatchObject({ type: 'end', run: { status: 'completed', passed: 2, failed: 1 } });
    expect((await client.getSuiteRun(started.id)).done).toBe(3);
    expect((await client.listSuiteRuns({ limit: 5 })).suite_runs.map((run) => run.id)).toEqual([started.id]);
    expect((await client.listSuiteRuns({ suite_id: 'none-such' })).suite_runs).toEqual([]);
    expect((await client.listRuns({ suite_run_id: started.id })).runs).toHaveLength(3);
    const rerun = await client.rerunFailedSuiteRun(started.id);
    expect(rerun).toMatchObject({ rerun_of: started.id, total: 1 });
    for await (const event of client.watchSuiteRun(rerun.id)) if (event.type === 'end') break;
    expect((await client.compareSuiteRuns(started.id, rerun.id)).removed_cases.map((entry) => entry.name)).toEqual(['case-0', 'case-1']);
    stub.setBehavior({ hang: true });
    const hanging = await client.startSuiteRun({ suite: suiteOf(2) });
    expect((await client.cancelSuiteRun(hanging.id)).status).toBe('cancelled');
    const missing = await client.getSuiteRun('0000000000000000aaaaaaaa').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(BackendHttpError);
    expect(missing).toMatchObject({ code: 'SUITE_RUN_NOT_FOUND', status: 404, details: { id: '0000000000000000aaaaaaaa' } });
    const notWatched = (async () => {
      for await (const _event of client.watchSuiteRun('0000000000000000aaaaaaaa')) return 'yielded';
      return 'ended';
    })();
    await expect(notWatched).rejects.toMatchObject({ code: 'SUITE_RUN_NOT_FOUND' });
    await expect(client.startSuiteRun({ suite: { ...suiteOf(1), tests: [] } })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'suite.tests' } });
  });
});

/** A server that reads each request, then drops the connection unanswered (a backend dying mid-request). */
async function droppingServer(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((socket: Socket) => {
    socket.once('data', () => {
      requests += 1;
      socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, requests: () => requests };
}

describe('requests cut off by a crash', () => {
  it('a suite-run start is never resent: SuiteRunStartInterruptedError says the run may exist and when it was sent', async () => {
    const dropping = await droppingServer();
    const client = createBackendClient({ baseUrl: dropping.url, token: TOKEN });
    const before = new Date().toISOString();
    const error = await client.startSuiteRun({ suite: suiteOf(1) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SuiteRunStartInterruptedError);
    expect(error).toMatchObject({ code: 'SUITE_RUN_START_INTERRUPTED' });
    expect((error as SuiteRunStartInterruptedError).sentAt >= before).toBe(true);
    expect(dropping.requests()).toBe(1);
    await expect(client.rerunFailedSuiteRun('0000000000000000aaaaaaaa')).rejects.toBeInstanceOf(SuiteRunStartInterruptedError);
    expect(dropping.requests()).toBe(2);
  });

  it('a library create or delete is never resent (RequestInterruptedError); idempotent requests are tried once more', async () => {
    const dropping = await droppingServer();
    const client = createBackendClient({ baseUrl: dropping.url, token: TOKEN });
    await expect(client.createTest({ spec: testSpec })).rejects.toBeInstanceOf(RequestInterruptedError);
    await expect(client.deleteSuite('x')).rejects.toBeInstanceOf(RequestInterruptedError);
    expect(dropping.requests()).toBe(2);
    await expect(client.cancelSuiteRun('0000000000000000aaaaaaaa')).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    await expect(client.updateTest('x', { spec: testSpec })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(dropping.requests()).toBe(6);
  });
});
