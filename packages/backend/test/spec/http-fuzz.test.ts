import { afterEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../src/contract/schemas/run-record.js';
import { assertMatchesSchema } from '../../src/spec/index.js';
import { AUTH, closeFixtures, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

const EXECUTE = '/api/execution/execute';

const yamlSpec = 'name: capital\nmodel: claude-sonnet-4-5\ninputs:\n  query: What is the capital of France?\nassertions:\n  - must_contain: Paris\n';

/** A deterministic pseudo-random generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRONG_VALUES: readonly unknown[] = [null, true, 0, -1, 1e308, -1e308, 1.5, '', 'x', [], [1], {}, { a: 1 }, 'x'.repeat(300_000), Number.MAX_SAFE_INTEGER * 4];

/** Every path of a spec (objects and list items), to put a wrong value at. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_item, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = replacement;
  return copy;
}

describe('bad input never gets a 500 (fuzzed)', () => {
  const base = {
    name: 'fuzz', model: 'claude-sonnet-4-5', description: 'd', category: 'c', provider: 'anthropic', seed: 1, timeout_ms: 1000, tags: ['t'],
    inputs: { query: 'q', system_prompt: 's', messages: [{ role: 'user', content: 'hi' }], context: { a: [1] } },
    model_config: { temperature: 0.5, max_tokens: 10, top_p: 0.5, top_k: 3, stop_sequences: ['x'] },
    tools: ['a', { name: 'b', description: 'd', parameters: { x: 'string' } }], framework: 'f', framework_config: { k: 1 },
    assertions: [{ must_contain: 'a' }, { regex: 'a', flags: 'i' }, { must_call_tool: ['a'] }, { is_json: { schema: { type: 'object' } } }, { contains_any: ['a'] }],
  };

  it('a wrong value at every field of the spec: 200 or 4xx in the documented shape', async () => {
    const { app } = await startAppFixture();
    const cases = paths(base).flatMap((path) => WRONG_VALUES.map((wrong) => withValueAt(base, path, wrong)));
    for (const test_spec of cases) {
      const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec } });
      expect(response.statusCode, response.body).toBeLessThan(500);
      if (response.statusCode >= 400) assertMatchesSchema(errorBodySchema, response.json(), 'error body');
    }
    expect(cases.length).toBeGreaterThan(700);
  });

  it('random bytes and mangled documents as JSON and YAML: 4xx in the documented shape', async () => {
    const { app } = await startAppFixture();
    const next = random(8);
    const texts = [yamlSpec, JSON.stringify({ test_spec: base })];
    for (let round = 0; round < 300; round += 1) {
      const source = texts[round % 2] as string;
      const bytes = Buffer.from(source);
      const mutated = round % 3 === 0
        ? Buffer.from(Array.from({ length: 1 + Math.floor(next() * 400) }, () => Math.floor(next() * 256)))
        : Buffer.from(bytes.map((byte) => (next() < 0.03 ? Math.floor(next() * 256) : byte)));
      for (const type of ['application/json', 'application/yaml']) {
        const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': type }, payload: mutated });
        expect(response.statusCode, `${type} ${mutated.toString('base64')}`).toBeLessThan(500);
        if (response.statusCode >= 400) assertMatchesSchema(errorBodySchema, response.json(), 'error body');
      }
    }
  });

  it.each([
    { name: 'deep JSON arrays', type: 'application/json', body: `${'['.repeat(200_000)}${']'.repeat(200_000)}` },
    { name: 'deep JSON objects', type: 'application/json', body: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}` },
    { name: 'deep YAML flow lists', type: 'application/yaml', body: '['.repeat(200_000) },
    { name: 'deep YAML block sequences', type: 'application/yaml', body: '- '.repeat(200_000) },
    { name: 'a huge JSON number', type: 'application/json', body: `{"test_spec":{"name":"n","model":"claude-x","seed":1${'0'.repeat(400)},"inputs":{"query":"q"},"assertions":[{"equals":"a"}]}}` },
    { name: 'a huge YAML number', type: 'application/yaml', body: `name: n\nmodel: claude-x\nseed: 1${'0'.repeat(400)}\ninputs: {query: q}\nassertions: [{equals: a}]\n` },
    { name: 'YAML .nan', type: 'application/yaml', body: 'name: n\nmodel: claude-x\nmodel_config: {temperature: .nan}\ninputs: {query: q}\nassertions: [{equals: a}]\n' },
    { name: 'a lone surrogate in JSON', type: 'application/json', body: '{"test_spec":{"name":"\\ud800","model":"claude-x","inputs":{"query":"q"},"assertions":[{"equals":"a"}]}}' },
    { name: 'a NUL byte in YAML', type: 'application/yaml', body: 'name: "a\u0000b"\nmodel: claude-x\n' },
    { name: 'a billion laughs', type: 'application/yaml', body: `a: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`).join('\n')}\n` },
  ])('$name -> no 500; errors in the documented shape', async ({ type, body }) => {
    const { app } = await startAppFixture({ bodyLimit: 2 * 1024 * 1024 });
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: { ...AUTH, 'content-type': type }, payload: body });
    expect(response.statusCode, response.body).toBeLessThan(500);
    if (response.statusCode >= 400) assertMatchesSchema(errorBodySchema, response.json(), 'error body');
  });
});
