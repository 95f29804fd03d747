import { describe, expect, it } from 'vitest';
import { evaluateAssertions, prepareAssertions } from '../../src/assertions/index.js';
import { BASE_SUBJECT, prepareError } from './subject.js';

/** Semantic errors of the non-regex kinds (regex and is_json errors have their own files). */
const BAD_VALUES = [
  { spec: { must_contain: '' }, field: 'must_contain', reason: 'must not be empty (an empty text is in every output)' },
  { spec: { must_contain: [] }, field: 'must_contain', reason: 'must list at least one text' },
  { spec: { must_contain: ['a', ''] }, field: 'must_contain[1]', reason: 'must not be empty (an empty text is in every output)' },
  { spec: { must_not_contain: 3 }, field: 'must_not_contain', reason: 'must be a list of strings' },
  { spec: { icontains: ['a'] }, field: 'icontains', reason: 'must be a string' },
  { spec: { contains_any: 'a' }, field: 'contains_any', reason: 'must be a list of strings' },
  { spec: { contains_all: [] }, field: 'contains_all', reason: 'must list at least one text' },
  { spec: { equals: 1 }, field: 'equals', reason: 'must be a string' },
  { spec: { starts_with: '' }, field: 'starts_with', reason: 'must not be empty (an empty text is in every output)' },
  { spec: { must_call_tool: [] }, field: 'must_call_tool', reason: 'must list at least one text' },
  { spec: { must_call_tool: [''] }, field: 'must_call_tool[0]', reason: 'must not be empty (an empty text is in every output)' },
  { spec: { output_type: 'yaml' }, field: 'output_type', reason: 'must be one of text, json, markdown, code, structured' },
  { spec: { max_latency_ms: 1.5 }, field: 'max_latency_ms', reason: 'must be a whole number, zero or more' },
  { spec: { min_tokens: -1 }, field: 'min_tokens', reason: 'must be a whole number, zero or more' },
  { spec: { max_tokens: '10' }, field: 'max_tokens', reason: 'must be a whole number, zero or more' },
  { spec: { min_length: Number.MAX_VALUE }, field: 'min_length', reason: 'must be a whole number, zero or more' },
  { spec: { max_length: Number.NaN }, field: 'max_length', reason: 'must be a whole number, zero or more' },
  { spec: { max_cost_usd: -0.01 }, field: 'max_cost_usd', reason: 'must be an amount in USD, zero or more' },
  { spec: { max_cost_usd: Number.POSITIVE_INFINITY }, field: 'max_cost_usd', reason: 'must be an amount in USD, zero or more' },
];

describe('prepareAssertions', () => {
  it.each(BAD_VALUES)('refuses $spec naming .$field', ({ spec, field, reason }) => {
    const error = prepareError([{ must_contain: 'ok' }, { max_tokens: 100 }, spec]);
    const name = `test_spec.assertions[2].${field}`;
    expect({ code: error.code, status: error.statusCode, field: error.details.field, message: error.message }).toEqual({
      code: 'VALIDATION_ERROR',
      status: 400,
      field: name,
      message: `${name} ${reason}`,
    });
  });

  it.each([
    { name: 'not an object', spec: 'must_contain', field: 'test_spec.assertions[0]', reason: 'must be an object with one assertion kind, e.g. { must_contain: "Paris" }' },
    { name: 'an array', spec: [], field: 'test_spec.assertions[0]', reason: 'must be an object with one assertion kind, e.g. { must_contain: "Paris" }' },
    { name: 'empty', spec: {}, field: 'test_spec.assertions[0]', reason: 'must have exactly one assertion kind' },
    { name: 'two kinds', spec: { must_contain: 'a', min_length: 1 }, field: 'test_spec.assertions[0]', reason: 'must have exactly one assertion kind (has must_contain, min_length)' },
    { name: 'an unknown kind', spec: { must_rhyme: 'x' }, field: 'test_spec.assertions[0].must_rhyme', reason: /^is not an assertion kind; use one of must_contain, / },
    { name: 'a __proto__ key', spec: JSON.parse('{"__proto__": {"must_contain": "x"}}') as unknown, field: 'test_spec.assertions[0].__proto__', reason: /^is not an assertion kind/ },
    { name: 'flags beside another kind', spec: { must_contain: 'a', flags: 'i' }, field: 'test_spec.assertions[0].flags', reason: 'is only allowed beside regex or regex_match' },
    { name: 'flags alone', spec: { flags: 'i' }, field: 'test_spec.assertions[0]', reason: 'must have exactly one assertion kind' },
  ])('refuses an assertion that is $name', ({ spec, field, reason }) => {
    const error = prepareError([spec]);
    expect({ code: error.code, field: error.details.field }).toEqual({ code: 'VALIDATION_ERROR', field });
    if (typeof reason === 'string') expect(error.message).toBe(`${field} ${reason}`);
    else expect(error.message.slice(field.length + 1)).toMatch(reason);
  });

  it.each([
    { specs: [{ min_tokens: 50 }, { max_tokens: 10 }], field: 'test_spec.assertions[1].max_tokens', reason: 'is 10, under min_tokens 50 at test_spec.assertions[0]: no output can pass both' },
    { specs: [{ max_length: 5 }, { must_contain: 'a' }, { min_length: 6 }], field: 'test_spec.assertions[0].max_length', reason: 'is 5, under min_length 6 at test_spec.assertions[2]: no output can pass both' },
  ])('refuses a minimum over a maximum: $field', ({ specs, field, reason }) => {
    const error = prepareError(specs);
    expect({ code: error.code, field: error.details.field, message: error.message }).toEqual({ code: 'VALIDATION_ERROR', field, message: `${field} ${reason}` });
  });

  it('accepts a minimum equal to the maximum', () => {
    expect(prepareAssertions([{ min_tokens: 12 }, { max_tokens: 12 }])).toHaveLength(2);
  });

  it('names fields under the list name it is given', () => {
    expect(prepareError([{ must_contain: 'a' }, { regex: '(?=a)' }], 'suite.tests[3].assertions').details.field).toBe('suite.tests[3].assertions[1].regex');
  });

  it('keeps the order of the spec and the field of each assertion', () => {
    const prepared = prepareAssertions([{ max_latency_ms: 5 }, { equals: 'x' }, { is_json: true }]);
    expect(prepared.map((assertion) => [assertion.kind, assertion.field])).toEqual([
      ['max_latency_ms', 'test_spec.assertions[0]'],
      ['equals', 'test_spec.assertions[1]'],
      ['is_json', 'test_spec.assertions[2]'],
    ]);
    expect(evaluateAssertions(prepared, BASE_SUBJECT).results.map((result) => result.kind)).toEqual(['max_latency_ms', 'equals', 'is_json']);
  });
});
