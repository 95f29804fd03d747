import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/assertions/limits.js';
import { checkOne, prepareError } from './subject.js';

const CITY_SCHEMA = {
  type: 'object',
  required: ['city', 'sights'],
  additionalProperties: false,
  properties: {
    city: { type: 'string', pattern: '^[A-Z]' },
    population: { type: 'integer', minimum: 0 },
    sights: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, rating: { enum: [1, 2, 3] } } } },
  },
};

const withSchema = (schema: object) => ({ is_json: { schema } });

describe('is_json', () => {
  it.each([
    { name: 'an object', output: '{"a": 1}', message: 'output is valid JSON' },
    { name: 'a number', output: '42', message: 'output is valid JSON' },
    { name: 'a fenced block', output: '```json\n{"a": 1}\n```', message: 'output is valid JSON (inside a ```json block)' },
  ])('passes $name', ({ output, message }) => {
    expect(checkOne({ is_json: true }, { output })).toMatchObject({ passed: true, message });
  });

  it.each([
    { name: 'prose around the JSON', output: 'Sure: {"a": 1}', reason: /^output is not valid JSON: Unexpected token 'S'/ },
    { name: 'a trailing comma', output: '{"a": 1,}', reason: /^output is not valid JSON: .*JSON/ },
    { name: 'an empty output', output: '', reason: /^output is not valid JSON: the output is empty; the output is empty$/ },
    { name: 'two fenced blocks', output: '```json\n{}\n```\n```json\n{}\n```', reason: /^output is not valid JSON/ },
    { name: 'nesting past the depth limit', output: `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`, reason: /it nests more than 1,000 levels deep/ },
  ])('fails $name', ({ output, reason }) => {
    const result = checkOne({ is_json: true }, { output });
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(reason);
  });

  it('accepts nesting up to the depth limit, brackets inside strings not counted', () => {
    const output = `${'['.repeat(MAX_JSON_DEPTH)}"${'['.repeat(5000)}"${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(checkOne({ is_json: true }, { output }).passed).toBe(true);
  });

  it('passes output that matches the schema', () => {
    const output = JSON.stringify({ city: 'Paris', population: 2_100_000, sights: [{ name: 'Louvre', rating: 3 }] });
    expect(checkOne(withSchema(CITY_SCHEMA), { output })).toMatchObject({ passed: true, message: 'output is JSON and matches the schema' });
  });

  it.each([
    { name: 'a wrong type deep down', value: { city: 'Paris', sights: [{ name: 'Louvre' }, { name: 7 }] }, problem: '/sights/1/name must be string', actual: 'at /sights/1/name: 7' },
    { name: 'a missing property', value: { city: 'Paris' }, problem: "(root) must have required property 'sights'", actual: 'at (root): {"city":"Paris"}' },
    { name: 'an extra property', value: { city: 'Paris', sights: [], mayor: 'x' }, problem: '(root) must NOT have additional properties ("mayor")', actual: 'at (root): {"city":"Paris","sights":[],"mayor":"x"}' },
    { name: 'a value outside an enum', value: { city: 'Paris', sights: [{ name: 'Louvre', rating: 5 }] }, problem: '/sights/0/rating must be equal to one of the allowed values: "1", "2", "3"', actual: 'at /sights/0/rating: 5' },
    { name: 'a pattern mismatch', value: { city: 'paris', sights: [] }, problem: '/city must match pattern "^[A-Z]"', actual: 'at /city: "paris"' },
    { name: 'a negative integer', value: { city: 'Paris', population: -1, sights: [] }, problem: '/population must be >= 0', actual: 'at /population: -1' },
  ])('fails $name, naming the path that failed', ({ value, problem, actual }) => {
    expect(checkOne(withSchema(CITY_SCHEMA), { output: JSON.stringify(value) })).toMatchObject({
      passed: false,
      actual,
      message: `output is JSON but does not match the schema: ${problem}`,
    });
  });

  it('fails a schema check on output that is not JSON, before validating', () => {
    expect(checkOne(withSchema(CITY_SCHEMA), { output: 'Paris' }).message).toMatch(/^output is not valid JSON: /);
  });

  it.each([
    { name: 'draft 2020-12', schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'number' }] }, output: '["x"]', problem: '/0 must be number' },
    { name: 'draft 2019-09', schema: { $schema: 'https://json-schema.org/draft/2019-09/schema#', type: 'array', maxContains: 1, contains: { const: 1 } }, output: '[1, 1]', problem: '(root) must contain at least 1 and no more than 1 valid item(s)' },
    { name: 'draft-07 named', schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'string' }, output: '1', problem: '(root) must be string' },
  ])('validates with $name', ({ schema, output, problem }) => {
    expect(checkOne(withSchema(schema), { output }).message).toBe(`output is JSON but does not match the schema: ${problem}`);
  });

  it('matches schema patterns with RE2: a catastrophic pattern finishes on a long string', () => {
    const output = JSON.stringify({ word: `${'a'.repeat(200_000)}!` });
    const result = checkOne(withSchema({ properties: { word: { pattern: '^(a+)+$' } } }), { output });
    expect(result.message).toBe('output is JSON but does not match the schema: /word must match pattern "^(a+)+$"');
  });

  it('checks uniqueItems in linear time, whatever the key order', () => {
    const items = Array.from({ length: 60_000 }, (_, index) => ({ id: index, tags: [index % 7] }));
    const schema = withSchema({ type: 'array', uniqueItems: true });
    expect(checkOne(schema, { output: JSON.stringify(items) }).passed).toBe(true);
    const duplicate = JSON.stringify([...items, { tags: [5 % 7], id: 5 }]);
    expect(checkOne(schema, { output: duplicate }).message).toBe('output is JSON but does not match the schema: (root) must NOT have duplicate items (items ## 5 and 60000 are identical)');
  });

  it.each([
    { name: 'is_json false', spec: { is_json: false }, code: 'VALIDATION_ERROR', field: 'is_json', reason: 'must be true, or { schema: <a JSON Schema object> }' },
    { name: 'a schema that is not an object', spec: { is_json: { schema: 'object' } }, code: 'VALIDATION_ERROR', field: 'is_json', reason: 'must be true, or { schema: <a JSON Schema object> }' },
    { name: 'an unknown type', spec: withSchema({ type: 'strin' }), code: 'VALIDATION_ERROR', field: 'is_json.schema', reason: /^is not a valid JSON Schema: schema\/type must be equal to one of the allowed values/ },
    { name: 'a misspelt keyword', spec: withSchema({ requried: ['a'] }), code: 'VALIDATION_ERROR', field: 'is_json.schema', reason: 'is not a valid JSON Schema: strict mode: unknown keyword: "requried"' },
    {
      name: 'a format',
      spec: withSchema({ properties: { email: { type: 'string', format: 'email' } } }),
      code: 'VALIDATION_ERROR',
      field: 'is_json.schema',
      reason: 'uses the format "email" (at #/properties/email); formats are not checked by this backend (ajv-formats\' patterns are not ReDoS-safe): remove it or write a pattern',
    },
    { name: 'an unknown draft', spec: withSchema({ $schema: 'http://json-schema.org/draft-04/schema#' }), code: 'VALIDATION_ERROR', field: 'is_json.schema.$schema', reason: /^names a JSON Schema draft this backend does not know/ },
    { name: 'a back-reference pattern', spec: withSchema({ pattern: '(a)\\1' }), code: 'UNSAFE_REGEX', field: 'is_json.schema', reason: 'has the pattern "(a)\\\\1", which uses a back-reference (\\1); RE2 matches in linear time and cannot match back-references' },
    { name: 'a lookahead in patternProperties', spec: withSchema({ patternProperties: { '^(?!x)': { type: 'string' } } }), code: 'UNSAFE_REGEX', field: 'is_json.schema', reason: /^has the pattern "\^\(\?!x\)", which uses the lookahead/ },
    { name: 'a numeric $id', spec: withSchema({ $id: 5 }), code: 'VALIDATION_ERROR', field: 'is_json.schema', reason: /^is not a valid JSON Schema: schema\/\$id must be string/ },
    { name: 'an unresolvable $ref', spec: withSchema({ $ref: 'https://example.com/schema.json' }), code: 'VALIDATION_ERROR', field: 'is_json.schema', reason: /^is not a valid JSON Schema: can't resolve reference/ },
  ])('refuses $name at prepare time, naming the field', ({ spec, code, field, reason }) => {
    const error = prepareError([spec]);
    const name = `test_spec.assertions[0].${field}`;
    expect({ code: error.code, field: error.details.field }).toEqual({ code, field: name });
    if (typeof reason === 'string') expect(error.message).toBe(`${name} ${reason}`);
    else expect(error.message.slice(name.length + 1)).toMatch(reason);
  });

  it('compiles two schemas with the same $id one after the other', () => {
    const schema = withSchema({ $id: 'https://example.com/city', type: 'object' });
    expect(checkOne(schema, { output: '{}' }).passed).toBe(true);
    expect(checkOne(schema, { output: '[]' }).passed).toBe(false);
  });
});
