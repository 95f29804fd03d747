import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ResolvedRequest } from '../../src/contract/spec.js';
import { canonicalJson, requestHash } from '../../src/spec/index.js';

const request: ResolvedRequest = {
  provider: 'anthropic',
  model: 'claude-sonnet-4-5',
  system: 'be brief',
  messages: [{ role: 'user', content: 'What is the capital of France?' }],
  max_tokens: 64,
  temperature: 0,
  tools: [{ name: 'a', parameters: { type: 'object', properties: { x: { type: 'string' } } } }],
};

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order, leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it('writes strings and numbers as JSON does', () => {
    expect(canonicalJson({ s: 'a"\n\u2028', n: -0, f: 0.1, big: 1e21 })).toBe('{"big":1e+21,"f":0.1,"n":0,"s":"a\\"\\n\u2028"}');
  });
});

describe('requestHash', () => {
  it('is sha256 hex of the canonical JSON, computed the same in another process, and pinned (stored answers are keyed by it)', () => {
    expect(canonicalJson(request)).toBe(
      '{"max_tokens":64,"messages":[{"content":"What is the capital of France?","role":"user"}],"model":"claude-sonnet-4-5","provider":"anthropic","system":"be brief","temperature":0,"tools":[{"name":"a","parameters":{"properties":{"x":{"type":"string"}},"type":"object"}}]}',
    );
    const script = `process.stdout.write(require('node:crypto').createHash('sha256').update(${JSON.stringify(`sentinel-request-v1\n${canonicalJson(request)}`)}).digest('hex'))`;
    const otherProcess = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
    expect(requestHash(request)).toBe(otherProcess);
    expect(requestHash(request)).toBe('a7b6acd9d995dc1e958aa9b69e839b8e5d552ff114d707fdf9b7a26f09f20d3c');
  });

  it('does not depend on key order', () => {
    const reordered = JSON.parse(JSON.stringify({ tools: request.tools, temperature: 0, max_tokens: 64, messages: request.messages, system: 'be brief', model: request.model, provider: 'anthropic' })) as ResolvedRequest;
    expect(requestHash(reordered)).toBe(requestHash(request));
  });

  it.each([
    ['model', { ...request, model: 'claude-haiku-4-5' }],
    ['temperature', { ...request, temperature: 0.1 }],
    ['a message', { ...request, messages: [{ role: 'user', content: 'What is the capital of Spain?' }] }],
    ['a tool schema', { ...request, tools: [{ name: 'a', parameters: { type: 'object', properties: {} } }] }],
    ['the system prompt', { ...request, system: undefined }],
  ] as const)('changes when %s changes', (_name, changed) => {
    expect(requestHash(changed as ResolvedRequest)).not.toBe(requestHash(request));
  });
});
