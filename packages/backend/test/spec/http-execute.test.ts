import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, closeFixtures, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { fixture } from './helpers.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

const EXECUTE = '/api/execution/execute';

const yamlSpec = `name: capital
model: claude-sonnet-4-5
description: asked as YAML
inputs:
  system_prompt: Answer in one word.
  query: What is the capital of France?
  context:
    country: France
model_config:
  temperature: 0.2
  top_k: 10
assertions:
  - must_contain: Paris
`;

describe('POST /api/execution/execute takes the whole spec format', () => {
  it('runs a JSON { test_spec } with description, category, model_config and context (no longer refused)', async () => {
    const { app, stub } = await startAppFixture();
    stub.setBehavior({ text: 'Paris' });
    const test_spec = {
      name: 'capital', description: 'now allowed', category: 'qa', model: 'claude-sonnet-4-5', tags: ['qa'],
      inputs: { query: 'Capital of France?', context: { hint: 'one word' } }, model_config: { max_tokens: 32 }, assertions: [{ must_contain: 'Paris' }],
    };
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec } });
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toMatchObject({ success: true, output: 'Paris' });
    expect(stub.requests[0]?.body).toMatchObject({ max_tokens: 32, system: '<context>\n{\n  "hint": "one word"\n}\n</context>' });
  });

  it.each(['application/yaml', 'text/yaml', 'application/x-yaml', 'application/yaml; charset=utf-8'])('runs a raw YAML spec sent as %s', async (contentType) => {
    const { app, stub } = await startAppFixture();
    stub.setBehavior({ text: 'Paris' });
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': contentType }, payload: yamlSpec });
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toMatchObject({ name: 'capital', success: true });
    expect(stub.requests[0]?.body).toMatchObject({
      model: 'claude-sonnet-4-5',
      temperature: 0.2,
      system: 'Answer in one word.\n\n<context>\n{\n  "country": "France"\n}\n</context>',
      messages: [{ role: 'user', content: 'What is the capital of France?' }],
    });
  });

  it("runs the earlier format's spec sent as YAML", async () => {
    const { app, stub } = await startAppFixture();
    stub.setBehavior({ text: 'The capital of France is Paris.' });
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': 'application/yaml' }, payload: fixture('legacy-format.yaml') });
    expect(response.statusCode).toBe(200);
    expect(response.json().result.success).toBe(true);
    expect(stub.requests[0]?.body).toMatchObject({ max_tokens: 256, temperature: 0, system: 'Answer in one sentence.' });
  });

  it('answers 400 INVALID_YAML with line and column for the original\'s invalid template shape, calling nothing', async () => {
    const { app, stub } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': 'application/yaml' }, payload: fixture('invalid-plain-colon-pairs.yaml') });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'INVALID_YAML',
        message: 'the YAML body line 7, column 10: Nested mappings are not allowed in compact mappings (a plain value that contains ": " must be quoted)',
        line: 7,
        column: 10,
      },
    });
    expect(stub.requests).toHaveLength(0);
  });

  it.each([
    { name: 'a YAML spec with an unknown field', body: `${yamlSpec}promt: x\n`, type: 'application/yaml', field: 'test_spec.promt' },
    { name: 'a YAML __proto__ key', body: `${yamlSpec}__proto__:\n  polluted: true\n`, type: 'application/yaml', field: '__proto__' },
    { name: 'a YAML document that is a list', body: '- a\n- b\n', type: 'application/yaml', field: 'test_spec' },
    { name: 'an empty YAML body', body: '', type: 'application/yaml', field: 'test_spec' },
    { name: 'a JSON __proto__ key deep inside', body: '{"test_spec":{"inputs":{"context":{"a":[{"__proto__":{"x":1}}]}}}}', type: 'application/json', field: 'test_spec.inputs.context.a[0].__proto__' },
    { name: 'a JSON constructor key', body: '{"test_spec":{"constructor":{"prototype":{}}}}', type: 'application/json', field: 'test_spec.constructor' },
    { name: 'a JSON prototype key at the top', body: '{"prototype":1}', type: 'application/json', field: 'prototype' },
    { name: 'JSON without test_spec', body: '{"name":"x"}', type: 'application/json', field: 'test_spec' },
    { name: 'JSON with a field beside test_spec', body: '{"test_spec":{},"extra":1}', type: 'application/json', field: 'extra' },
    { name: 'a spec with provider rules broken (Anthropic temperature)', body: JSON.stringify({ test_spec: { name: 'n', model: 'claude-x', inputs: { query: 'q' }, temperature: 1.2, assertions: [{ equals: 'a' }] } }), type: 'application/json', field: 'test_spec.temperature' },
    { name: 'a model without a known provider', body: JSON.stringify({ test_spec: { name: 'n', model: 'mistral-large', inputs: { query: 'q' }, assertions: [{ equals: 'a' }] } }), type: 'application/json', field: 'test_spec.provider' },
    { name: 'JSON nested 100 levels deep', body: `{"test_spec":${'['.repeat(100)}${']'.repeat(100)}}`, type: 'application/json', field: expect.stringMatching(/^test_spec(\[0\])+$/) },
  ])('answers 400 VALIDATION_ERROR naming the field for $name, calling nothing', async ({ body, type, field }) => {
    const { app, stub } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': type }, payload: body });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(stub.requests).toHaveLength(0);
  });

  it('answers 400 INVALID_JSON for malformed JSON, saying where', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': 'application/json' }, payload: '{"test_spec": {"name": }' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_JSON');
    expect(response.json().error.message).toMatch(/^The request body is not valid JSON: /);
  });

  it('still refuses text/plain (what a cross-site form could send)', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': 'text/plain' }, payload: yamlSpec });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a JSON-valued route schema failure elsewhere with the same messages (GET /api/runs?limit=0)', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'GET', url: '/api/runs?limit=0', headers: AUTH });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({ code: 'VALIDATION_ERROR', field: 'querystring.limit', message: 'querystring.limit must match the pattern ^[1-9][0-9]{0,2}$' });
  });
});
