import { describe, expect, it } from 'vitest';
import type { TestSpec } from '../../src/contract/spec.js';
import { resolveSpec, validateTestSpec } from '../../src/spec/index.js';
import { caught, minimalSpec } from './helpers.js';

const spec = (overrides: Record<string, unknown> = {}): TestSpec => validateTestSpec(minimalSpec(overrides));

describe('tools', () => {
  const toolsOf = (tools: unknown[], model = 'gpt-4o') => resolveSpec(spec({ model, tools })).request.tools;

  it('turns a bare name into a tool with an empty object schema', () => {
    expect(toolsOf(['browser'])).toEqual([{ name: 'browser', parameters: { type: 'object', properties: {} } }]);
  });

  it('keeps a JSON Schema as it is, adding type: object when only properties are given', () => {
    const schema = { type: 'object', properties: { q: { type: 'string' } }, required: ['q'], additionalProperties: false };
    expect(toolsOf([{ name: 'search', description: 'Search', parameters: schema }])).toEqual([{ name: 'search', description: 'Search', parameters: schema }]);
    expect(toolsOf([{ name: 's', parameters: { properties: { q: { type: 'string' } } } }])?.[0]?.parameters).toEqual({ type: 'object', properties: { q: { type: 'string' } } });
  });

  it('drops an empty description and gives a tool without parameters the empty schema', () => {
    expect(toolsOf([{ name: 'a', description: '' }])).toEqual([{ name: 'a', parameters: { type: 'object', properties: {} } }]);
  });

  it('converts the shorthand: types, T[], enum [..], lists, a trailing ?, descriptions, nested objects, property schemas', () => {
    const parameters = {
      location: 'string',
      count: 'integer',
      ratio: 'number?',
      verbose: 'boolean',
      labels: 'string[]',
      unit: 'enum [celsius, fahrenheit]',
      mode: 'enum: ["fast", \'slow\']',
      size: ['small', 'large'],
      level: [1, 2, 3],
      city: 'The city and country, e.g. Oslo, Norway',
      address: { street: 'string', zip: 'string?' },
      when: { type: 'string', format: 'date' },
    };
    expect(toolsOf([{ name: 'weather', parameters }])?.[0]?.parameters).toEqual({
      type: 'object',
      properties: {
        location: { type: 'string' },
        count: { type: 'integer' },
        ratio: { type: 'number' },
        verbose: { type: 'boolean' },
        labels: { type: 'array', items: { type: 'string' } },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        mode: { type: 'string', enum: ['fast', 'slow'] },
        size: { type: 'string', enum: ['small', 'large'] },
        level: { type: 'number', enum: [1, 2, 3] },
        city: { type: 'string', description: 'The city and country, e.g. Oslo, Norway' },
        address: { type: 'object', properties: { street: { type: 'string' } , zip: { type: 'string' } }, required: ['street'] },
        when: { type: 'string', format: 'date' },
      },
      required: ['location', 'count', 'verbose', 'labels', 'unit', 'mode', 'size', 'level', 'city', 'address', 'when'],
    });
  });

  it('gives the same tools to both providers', () => {
    const tools = [{ name: 'a', parameters: { x: 'string' } }];
    expect(toolsOf(tools, 'claude-sonnet-4-5')).toEqual(toolsOf(tools, 'gpt-4o'));
  });

  it.each([
    { tools: [{ name: 'a', parameters: { type: 'array', properties: {} } }], field: 'test_spec.tools[0].parameters.type', message: 'must be "object": a tool takes an object of named parameters' },
    { tools: [{ name: 'a', parameters: { n: 5 } }], field: 'test_spec.tools[0].parameters.n', message: 'must be a type (string, number, integer, boolean, object, array, string[], enum [a, b]), a list of allowed values, a description, or a JSON Schema' },
    { tools: [{ name: 'a', parameters: { n: null } }], field: 'test_spec.tools[0].parameters.n', message: 'must be a type' },
    { tools: [{ name: 'a', parameters: { n: [] } }], field: 'test_spec.tools[0].parameters.n', message: 'must list the allowed values as text or numbers' },
    { tools: [{ name: 'a', parameters: { outer: { inner: true } } }], field: 'test_spec.tools[0].parameters.outer.inner', message: 'must be a type' },
    { tools: ['a', { name: 'a' }], field: 'test_spec.tools[1]', message: 'repeats the tool name "a": each tool needs its own name' },
  ])('refuses $field', ({ tools, field, message }) => {
    const error = caught(() => resolveSpec(spec({ model: 'gpt-4o', tools })));
    expect(error.details.field).toBe(field);
    expect(error.message).toContain(`${field} ${message}`);
  });

  it('leaves out an empty tools list', () => {
    expect(resolveSpec(spec({ tools: [] })).request).not.toHaveProperty('tools');
  });
});
