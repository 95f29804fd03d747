import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, closeFixtures, spec, startAppFixture } from './helpers/app-fixture.js';
import { removeTempDirs } from './helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

const EXECUTE = '/api/execution/execute';

describe('execute input validation: 400 naming the field, nothing sent upstream', () => {
  it.each([
    { name: 'missing test_spec', payload: {}, code: 'VALIDATION_ERROR', field: 'test_spec' },
    { name: 'extra top-level field', payload: { test_spec: spec(), extra: 1 }, code: 'VALIDATION_ERROR', field: 'extra' },
    { name: 'missing name', payload: { test_spec: spec({ name: undefined }) }, code: 'VALIDATION_ERROR', field: 'test_spec.name' },
    { name: 'numeric name', payload: { test_spec: spec({ name: 42 }) }, code: 'VALIDATION_ERROR', field: 'test_spec.name' },
    { name: 'unknown spec field', payload: { test_spec: spec({ prompt: 'x' }) }, code: 'VALIDATION_ERROR', field: 'test_spec.prompt' },
    { name: 'empty inputs', payload: { test_spec: spec({ inputs: {} }) }, code: 'VALIDATION_ERROR', field: 'test_spec.inputs' },
    { name: 'model with spaces', payload: { test_spec: spec({ model: 'a b' }) }, code: 'VALIDATION_ERROR', field: 'test_spec.model' },
    { name: 'max_tokens 0', payload: { test_spec: spec({ max_tokens: 0 }) }, code: 'VALIDATION_ERROR', field: 'test_spec.max_tokens' },
    { name: 'max_tokens as a string', payload: { test_spec: spec({ max_tokens: '64' }) }, code: 'VALIDATION_ERROR', field: 'test_spec.max_tokens' },
    { name: 'temperature 2', payload: { test_spec: spec({ temperature: 2 }) }, code: 'VALIDATION_ERROR', field: 'test_spec.temperature' },
    { name: 'assertions not an array', payload: { test_spec: spec({ assertions: {} }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions' },
    { name: 'unknown assertion kind', payload: { test_spec: spec({ assertions: [{ must_rhyme: 'x' }] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0].must_rhyme' },
    { name: 'empty assertion', payload: { test_spec: spec({ assertions: [{}] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0]' },
    { name: 'two kinds in one assertion', payload: { test_spec: spec({ assertions: [{ must_contain: 'a', min_length: 1 }] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0]' },
    { name: 'flags without regex', payload: { test_spec: spec({ assertions: [{ must_contain: 'a', flags: 'i' }] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0].flags' },
    { name: 'min_length negative', payload: { test_spec: spec({ assertions: [{ min_length: -1 }] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0].min_length' },
    { name: 'max_latency_ms fractional', payload: { test_spec: spec({ assertions: [{ max_latency_ms: 1.5 }] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0].max_latency_ms' },
    { name: 'invalid regex', payload: { test_spec: spec({ assertions: [{ regex: '(' }] }) }, code: 'UNSAFE_REGEX', field: 'test_spec.assertions[0].regex' },
    { name: 'lookahead regex', payload: { test_spec: spec({ assertions: [{ regex: 'a(?=b)' }] }) }, code: 'UNSAFE_REGEX', field: 'test_spec.assertions[0].regex' },
    { name: 'back-reference regex', payload: { test_spec: spec({ assertions: [{ must_contain: 'x' }, { regex: '(a)\\1' }] }) }, code: 'UNSAFE_REGEX', field: 'test_spec.assertions[1].regex' },
    { name: 'regex flag g', payload: { test_spec: spec({ assertions: [{ regex: 'a', flags: 'g' }] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0].flags' },
    { name: 'huge regex', payload: { test_spec: spec({ assertions: [{ regex: 'a'.repeat(1001) }] }) }, code: 'VALIDATION_ERROR', field: 'test_spec.assertions[0].regex' },
    { name: 'temperature above 1 for Anthropic', payload: { test_spec: spec({ temperature: 1.5 }) }, code: 'VALIDATION_ERROR', field: 'test_spec.temperature' },
    { name: 'temperature above 2', payload: { test_spec: spec({ temperature: undefined, model_config: { temperature: 2.5 } }) }, code: 'VALIDATION_ERROR', field: 'test_spec.model_config.temperature' },
  ])('$name -> 400 $code on $field', async ({ payload, code, field }) => {
    const { app, stub } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error).toMatchObject({ code, field });
    expect(error.message).toContain(field);
    expect(stub.requests).toHaveLength(0);
  });

  it.each([
    { name: 'a malformed body', contentType: 'application/json', body: '{"test_spec":', status: 400, error: { code: 'INVALID_JSON' } },
    { name: 'a prototype-poisoning body', contentType: 'application/json', body: '{"test_spec":{"__proto__":{"polluted":true}}}', status: 400, error: { code: 'VALIDATION_ERROR', field: 'test_spec.__proto__' } },
    { name: 'an empty JSON body', contentType: 'application/json', body: '', status: 400, error: { code: 'INVALID_JSON' } },
    { name: 'a body that is not an object', contentType: 'application/json', body: '"text"', status: 400, error: { code: 'VALIDATION_ERROR', field: 'body' } },
    { name: 'a non-JSON body', contentType: 'text/plain', body: 'hello', status: 415, error: { code: 'UNSUPPORTED_MEDIA_TYPE' } },
  ])('answers $status $error.code for $name', async ({ contentType, body, status, error }) => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': contentType }, payload: body });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject(error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 413 BODY_TOO_LARGE over the body limit', async () => {
    const { app } = await startAppFixture({ bodyLimit: 1024 });
    const payload = { test_spec: spec({ inputs: { query: 'x'.repeat(2048) } }) };
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers 404 NOT_FOUND for an unknown route', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'GET', url: '/nope', headers: AUTH });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
