import { describe, expect, it } from 'vitest';
import { expandSuite, isSuiteDocument, mergeDefaults, validateTestSuite } from '../../src/spec/index.js';
import { caught } from './helpers.js';

const test = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  inputs: { query: `question ${name}` },
  assertions: [{ must_contain: 'x' }],
  ...extra,
});

describe('isSuiteDocument', () => {
  it.each([
    [{ name: 's', tests: [] }, true],
    [{ tests: null }, true],
    [{ name: 't', model: 'm' }, false],
    [[{ tests: [] }], false],
    ['tests', false],
    [null, false],
    [JSON.parse('{"__proto__": {"tests": []}}'), false],
  ])('%j -> %s', (value, expected) => {
    expect(isSuiteDocument(value)).toBe(expected);
  });
});

describe('validateTestSuite', () => {
  it('accepts every suite field and returns the suite as written', () => {
    const suite = { name: 's', version: '1.0.0', description: 'd', tags: ['a'], defaults: { model: 'gpt-4o' }, tests: [test('one')] };
    expect(validateTestSuite(structuredClone(suite))).toEqual(suite);
  });

  it.each([
    { name: 'no tests', suite: { name: 's', tests: [] }, field: 'suite.tests', message: 'suite.tests must have at least 1 item' },
    { name: 'missing name', suite: { tests: [test('a', { model: 'gpt-4o' })] }, field: 'suite.name', message: 'suite.name is required' },
    { name: 'numeric version (YAML 1.0)', suite: { name: 's', version: 1, tests: [test('a', { model: 'gpt-4o' })] }, field: 'suite.version', message: 'suite.version must be a string (in YAML, quote it: "1")' },
    { name: 'unknown suite field', suite: { name: 's', test: [], tests: [test('a', { model: 'gpt-4o' })] }, field: 'suite.test', message: 'suite.test is not allowed (did you mean tests?)' },
    { name: 'unknown field in defaults', suite: { name: 's', defaults: { modle: 'x' }, tests: [test('a', { model: 'gpt-4o' })] }, field: 'suite.defaults.modle', message: 'suite.defaults.modle is not allowed (did you mean model?)' },
    { name: 'bad value in defaults', suite: { name: 's', defaults: { model_config: { temperature: 9 } }, tests: [test('a', { model: 'gpt-4o' })] }, field: 'suite.defaults.model_config.temperature', message: 'suite.defaults.model_config.temperature must be <= 2' },
    { name: 'bad value in a test', suite: { name: 's', defaults: { model: 'gpt-4o' }, tests: [test('a'), test('b'), test('c', { seed: 'x' })] }, field: 'suite.tests[2].seed', message: 'suite.tests[2].seed must be an integer' },
    { name: 'a test missing model, with no default', suite: { name: 's', tests: [test('a', { model: 'gpt-4o' }), test('b'), test('c', { model: 'gpt-4o' })] }, field: 'suite.tests[1].model', message: 'suite.tests[1].model is required' },
    { name: 'a test missing assertions', suite: { name: 's', defaults: { model: 'gpt-4o' }, tests: [{ name: 'a', inputs: { query: 'q' } }] }, field: 'suite.tests[0].assertions', message: 'suite.tests[0].assertions is required' },
    { name: 'framework from defaults without tools', suite: { name: 's', defaults: { model: 'gpt-4o', framework: 'langgraph' }, tests: [test('a')] }, field: 'suite.tests[0].tools', message: 'suite.tests[0].tools is required when framework is set' },
    { name: 'two tests with one name', suite: { name: 's', defaults: { model: 'gpt-4o' }, tests: [test('a'), test('a')] }, field: 'suite.tests[1].name', message: 'suite.tests[1].name repeats the name "a": each test of a suite needs its own name' },
    { name: 'alias conflict in a test', suite: { name: 's', defaults: { model: 'gpt-4o' }, tests: [test('a', { config: {}, model_config: {} })] }, field: 'suite.tests[0].config', message: 'suite.tests[0].config cannot be given together with model_config (it is an alias of it): keep one' },
    { name: 'alias conflict in defaults', suite: { name: 's', defaults: { model: 'gpt-4o', temperature: 1, model_config: { temperature: 1 } }, tests: [test('a')] }, field: 'suite.defaults.temperature', message: 'suite.defaults.temperature cannot be given together with model_config.temperature (it is an alias of it): keep one' },
    { name: 'a __proto__ key in a test', suite: { name: 's', tests: [JSON.parse('{"__proto__": {}}')] }, field: 'suite.tests[0].__proto__', message: 'suite.tests[0].__proto__ is not allowed: "__proto__" is refused anywhere in a document' },
  ])('$name -> 400 naming $field', ({ suite, field, message }) => {
    const error = caught(() => validateTestSuite(suite));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field } });
    expect(error.message).toBe(message);
  });
});

describe('expandSuite: defaults merged into each test, the test winning', () => {
  it('fills every missing field from defaults, keeping the test order', () => {
    const suite = validateTestSuite({ name: 's', defaults: { model: 'gpt-4o', seed: 1, tags: ['d'], timeout_ms: 5000 }, tests: [test('a'), test('b', { seed: 2, tags: ['own'] })] });
    const [a, b] = expandSuite(suite);
    expect(a).toEqual({ model: 'gpt-4o', seed: 1, tags: ['d'], timeout_ms: 5000, ...test('a') });
    expect(b).toMatchObject({ model: 'gpt-4o', seed: 2, tags: ['own'], timeout_ms: 5000 });
  });

  it('merges model_config and inputs key by key; replaces lists and other objects whole', () => {
    const defaults = {
      model: 'claude-haiku-4-5',
      model_config: { temperature: 0.1, max_tokens: 100, stop_sequences: ['A', 'B'] },
      inputs: { system_prompt: 'shared', context: { shop: 'x', region: 'eu' } },
      tools: ['a', 'b'],
      assertions: [{ must_contain: 'default' }],
      framework_config: { steps: 1, trace: true },
    };
    const own = {
      name: 't',
      model_config: { max_tokens: 50, stop_sequences: ['C'] },
      inputs: { query: 'q', context: { shop: 'y' } },
      tools: ['c'],
      framework_config: { steps: 2 },
    };
    const [merged] = expandSuite(validateTestSuite({ name: 's', defaults, tests: [own] }));
    expect(merged).toEqual({
      model: 'claude-haiku-4-5',
      model_config: { temperature: 0.1, max_tokens: 50, stop_sequences: ['C'] },
      inputs: { system_prompt: 'shared', context: { shop: 'y' }, query: 'q' },
      tools: ['c'],
      assertions: [{ must_contain: 'default' }],
      framework_config: { steps: 2 },
      name: 't',
    });
  });

  it('rewrites aliases before merging, so a test alias overrides a canonical default (and the reverse)', () => {
    const suite = validateTestSuite({
      name: 's',
      defaults: { model: 'gpt-4o', model_config: { temperature: 0.2, max_tokens: 10 }, inputs: { system: 'default system' } },
      tests: [
        test('alias wins', { temperature: 0.9, config: { top_p: 0.5 } }),
        test('canonical wins', { inputs: { query: 'q', system_prompt: 'own system' } }),
      ],
    });
    const [first, second] = expandSuite(suite);
    expect(first?.model_config).toEqual({ temperature: 0.9, max_tokens: 10, top_p: 0.5 });
    expect(first).not.toHaveProperty('temperature');
    expect(first).not.toHaveProperty('config');
    expect(first?.inputs).toEqual({ system_prompt: 'default system', query: 'question alias wins' });
    expect(second?.inputs).toEqual({ system_prompt: 'own system', query: 'q' });
  });

  it('names the suite root it is given', () => {
    const suite = validateTestSuite({ name: 's', tests: [test('a', { model: 'gpt-4o' })] });
    const error = caught(() => expandSuite({ ...suite, tests: [{ name: 'x', inputs: { query: 'q' }, assertions: [{ equals: 'a' }] }] }, 'body.suite'));
    expect(error.details.field).toBe('body.suite.tests[0].model');
  });

  it('does not modify the suite or its defaults', () => {
    const suite = { name: 's', defaults: { model: 'gpt-4o', model_config: { temperature: 0.1 } }, tests: [test('a', { model_config: { max_tokens: 5 } })] };
    const copy = structuredClone(suite);
    expandSuite(validateTestSuite(suite));
    expect(suite).toEqual(copy);
  });
});

describe('mergeDefaults', () => {
  it('keeps the default when the test has no value, and the test value otherwise', () => {
    expect(mergeDefaults({ seed: 1, name: 'd' }, { name: 't' })).toEqual({ seed: 1, name: 't' });
  });
});
