import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, closeFixtures, spec, startAppFixture } from './helpers/app-fixture.js';
import { removeTempDirs } from './helpers/temp-dir.js';
import { suiteOf } from './suite-runs/helpers/suites.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

const YAML = { ...AUTH, 'content-type': 'application/yaml' };

describe('POST /api/validate: checked as a run would be, nothing saved or called', () => {
  it('a test (JSON and YAML): 200 with the request it would send and the notes', async () => {
    const { app, stub, dataDir } = await startAppFixture();
    const json = await app.inject({ method: 'POST', url: '/api/validate', headers: AUTH, payload: { test_spec: spec({ seed: 3 }) } });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ valid: true, kind: 'test', cases: [{ name: 'capital', request: { provider: 'anthropic', model: 'claude-test-1', max_tokens: 64 } }] });
    expect(json.json().cases[0].notes.join(' ')).toMatch(/seed/);
    const yaml = await app.inject({ method: 'POST', url: '/api/validate', headers: YAML, payload: 'name: y\nmodel: gpt-4.1-mini\ninputs:\n  query: hi\nassertions:\n  - icontains: HI\n' });
    expect(yaml.json()).toMatchObject({ kind: 'test', cases: [{ request: { provider: 'openai', messages: [{ role: 'user', content: 'hi' }] } }] });
    expect(stub.requests).toHaveLength(0);
    const runs = await app.inject({ method: 'GET', url: '/api/runs', headers: AUTH });
    expect(runs.json().runs).toEqual([]);
    expect(dataDir).toBeTruthy();
  });

  it('a suite (JSON and YAML): one case per test, defaults merged', async () => {
    const { app } = await startAppFixture();
    const json = await app.inject({ method: 'POST', url: '/api/validate', headers: AUTH, payload: { suite: suiteOf(3) } });
    expect(json.json()).toMatchObject({ kind: 'suite', cases: [{ name: 'case-0', request: { max_tokens: 32 } }, { name: 'case-1' }, { name: 'case-2' }] });
    const yaml = await app.inject({ method: 'POST', url: '/api/validate', headers: YAML, payload: 'name: s\ndefaults:\n  model: claude-test-1\ntests:\n  - name: a\n    inputs: { query: q }\n    assertions: [{ must_contain: x }]\n' });
    expect(yaml.json()).toMatchObject({ kind: 'suite', cases: [{ name: 'a', request: { model: 'claude-test-1' } }] });
  });

  it.each([
    { what: 'an unknown field', payload: { test_spec: spec({ colour: 'red' }) }, code: 'VALIDATION_ERROR', field: 'test_spec.colour' },
    { what: 'a provider rule', payload: { test_spec: spec({ temperature: 1.5 }) }, code: 'VALIDATION_ERROR', field: 'test_spec.temperature' },
    { what: 'an assertion RE2 cannot run', payload: { test_spec: spec({ assertions: [{ regex: '(a)\\1' }] }) }, code: 'UNSAFE_REGEX', field: 'test_spec.assertions[0].regex' },
    { what: 'a suite case', payload: { suite: { ...suiteOf(2), tests: [suiteOf(1).tests[0], { name: 'b', inputs: { query: 'q' }, assertions: [] }] } }, code: 'VALIDATION_ERROR', field: 'suite.tests[1].assertions' },
    { what: 'neither a spec nor a suite', payload: { other: 1 }, code: 'VALIDATION_ERROR', field: 'test_spec' },
  ])('refuses $what with the 400 a run would get, naming $field', async ({ payload, code, field }) => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: '/api/validate', headers: AUTH, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code, field } });
  });

  it('names the line and column of YAML that does not parse', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: '/api/validate', headers: YAML, payload: 'name: a\nmodel: claude-test-1\ninputs:\n  query: what: now\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'INVALID_YAML', line: 4 } });
  });
});

describe('POST /api/execution/execute with test_id: an unsaved edit recorded under its library test', () => {
  it('records the run under the test (JSON body, or ?test_id= with YAML); an unknown test is 404 before any call', async () => {
    const { app, stub } = await startAppFixture();
    await app.inject({ method: 'POST', url: '/api/tests?id=capital', headers: AUTH, payload: { test_spec: spec() } });
    const edited = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec({ name: 'edited' }), test_id: 'capital' } });
    expect(edited.json().result).toMatchObject({ test_id: 'capital', name: 'edited' });
    const yaml = await app.inject({ method: 'POST', url: '/api/execution/execute?test_id=capital', headers: YAML, payload: 'name: y\nmodel: claude-test-1\ninputs:\n  query: hi\nassertions:\n  - must_contain: Stub\n' });
    expect(yaml.json().result).toMatchObject({ test_id: 'capital', name: 'y' });
    const listed = await app.inject({ method: 'GET', url: '/api/runs?test_id=capital', headers: AUTH });
    expect(listed.json().runs).toHaveLength(2);
    const calls = stub.requests.length;
    const unknown = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec(), test_id: 'nope' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'TEST_NOT_FOUND' } });
    const bad = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec(), test_id: '../x' } });
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR', field: 'test_id' } });
    expect(stub.requests).toHaveLength(calls);
  });
});

describe('GET /api/suite-runs?suite_id=', () => {
  it("lists only that library suite's runs, newest first", async () => {
    const { app } = await startAppFixture();
    for (const id of ['nightly', 'smoke']) await app.inject({ method: 'POST', url: `/api/suites?id=${id}`, headers: AUTH, payload: { suite: suiteOf(1) } });
    const start = async (body: object) => (await app.inject({ method: 'POST', url: '/api/suite-runs', headers: AUTH, payload: body })).json().suite_run.id as string;
    const first = await start({ suite_id: 'nightly' });
    await start({ suite_id: 'smoke' });
    await start({ suite: suiteOf(1) });
    const second = await start({ suite_id: 'nightly' });
    const listed = await app.inject({ method: 'GET', url: '/api/suite-runs?suite_id=nightly', headers: AUTH });
    expect(listed.json().suite_runs.map((run: { id: string }) => run.id)).toEqual([second, first]);
    const all = await app.inject({ method: 'GET', url: '/api/suite-runs', headers: AUTH });
    expect(all.json().suite_runs).toHaveLength(4);
    const bad = await app.inject({ method: 'GET', url: '/api/suite-runs?suite_id=..', headers: AUTH });
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR', field: 'querystring.suite_id' } });
  });
});
