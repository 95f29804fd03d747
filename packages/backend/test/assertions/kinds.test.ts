import { describe, expect, it } from 'vitest';
import { ASSERTION_KINDS } from '../../src/contract/assertions.js';
import type { AssertionSubject, AssertionValue } from '../../src/assertions/index.js';
import { callsOf, checkOne } from './subject.js';

interface Case {
  readonly name: string;
  readonly spec: Record<string, unknown>;
  readonly subject?: Partial<AssertionSubject>;
  readonly passed: boolean;
  readonly actual: AssertionValue;
  readonly message: string;
}

const SENTENCE = 'The capital of France is Paris.';
const S = JSON.stringify(SENTENCE);

/** Every kind passing and failing, against "The capital of France is Paris." unless a case says otherwise. */
const CASES: readonly Case[] = [
  { name: 'must_contain present', spec: { must_contain: 'Paris' }, passed: true, actual: SENTENCE, message: `output contains "Paris" (case-sensitive): ${S}` },
  { name: 'must_contain other case', spec: { must_contain: 'paris' }, passed: false, actual: SENTENCE, message: `output does not contain "paris" (case-sensitive); it begins ${S}` },
  { name: 'must_contain list, all present', spec: { must_contain: ['Paris', 'France'] }, passed: true, actual: SENTENCE, message: `output contains all 2 texts (case-sensitive): ${S}` },
  {
    name: 'must_contain list, two missing',
    spec: { must_contain: ['Paris', 'Lyon', 'Nice'] },
    passed: false,
    actual: SENTENCE,
    message: `output does not contain "Lyon", "Nice" (2 of 3 texts missing, case-sensitive); it begins ${S}`,
  },
  { name: 'must_not_contain absent', spec: { must_not_contain: 'Lyon' }, passed: true, actual: SENTENCE, message: 'output does not contain "Lyon" (case-sensitive)' },
  { name: 'must_not_contain present', spec: { must_not_contain: 'France' }, passed: false, actual: SENTENCE, message: `output contains "France" (case-sensitive): ${S}` },
  { name: 'must_not_contain other case', spec: { must_not_contain: 'france' }, passed: true, actual: SENTENCE, message: 'output does not contain "france" (case-sensitive)' },
  {
    name: 'must_not_contain list, two present',
    spec: { must_not_contain: ['Lyon', 'France', 'Paris'] },
    passed: false,
    actual: SENTENCE,
    message: `output contains "France", "Paris" (2 of 3 forbidden texts, case-sensitive): ${S}`,
  },
  { name: 'must_not_contain list, none present', spec: { must_not_contain: ['Lyon', 'Nice'] }, passed: true, actual: SENTENCE, message: 'output does not contain any of 2 texts (case-sensitive)' },
  { name: 'icontains other case', spec: { icontains: 'PARIS' }, passed: true, actual: SENTENCE, message: `output contains "PARIS" (case-insensitive): ${S}` },
  { name: 'icontains absent', spec: { icontains: 'lyon' }, passed: false, actual: SENTENCE, message: `output does not contain "lyon" (case-insensitive); it begins ${S}` },
  { name: 'contains_any one present', spec: { contains_any: ['Lyon', 'Paris'] }, passed: true, actual: SENTENCE, message: `output contains "Paris" (case-sensitive), one of 2 texts: ${S}` },
  { name: 'contains_any is case-sensitive', spec: { contains_any: ['paris', 'lyon'] }, passed: false, actual: SENTENCE, message: `output contains none of "paris", "lyon" (case-sensitive); it begins ${S}` },
  { name: 'contains_all all present', spec: { contains_all: ['Paris', 'France'] }, passed: true, actual: SENTENCE, message: `output contains all 2 texts (case-sensitive): ${S}` },
  { name: 'contains_all one missing', spec: { contains_all: ['Paris', 'Lyon'] }, passed: false, actual: SENTENCE, message: `output does not contain "Lyon" (1 of 2 texts missing, case-sensitive); it begins ${S}` },
  {
    name: 'equals, surrounding whitespace ignored',
    spec: { equals: SENTENCE },
    subject: { output: `\n  ${SENTENCE}\n` },
    passed: true,
    actual: SENTENCE,
    message: 'output equals the expected text (case-sensitive, surrounding whitespace ignored)',
  },
  {
    name: 'equals, one letter differs',
    spec: { equals: 'The capital of France is paris.' },
    passed: false,
    actual: SENTENCE,
    message: 'output differs from the expected text after 25 matching characters: expected "The capital of France is paris.", got "The capital of France is Paris."',
  },
  { name: 'starts_with', spec: { starts_with: 'The capital' }, subject: { output: `  ${SENTENCE}` }, passed: true, actual: SENTENCE, message: 'output starts with "The capital" (case-sensitive)' },
  { name: 'starts_with, not at the start', spec: { starts_with: 'Paris' }, passed: false, actual: SENTENCE, message: `output does not start with "Paris" (case-sensitive); it begins ${S}` },
  { name: 'regex matches', spec: { regex: 'Paris\\.$' }, passed: true, actual: SENTENCE, message: 'output matches /Paris\\.$/: "Paris."' },
  { name: 'regex does not match', spec: { regex: '^paris' }, passed: false, actual: SENTENCE, message: `output does not match /^paris/; it begins ${S}` },
  { name: 'regex with flag i', spec: { regex: '^the', flags: 'i' }, passed: true, actual: SENTENCE, message: 'output matches /^the/i: "The"' },
  { name: 'regex_match (default flags ms)', spec: { regex_match: 'capital.*Paris' }, passed: true, actual: SENTENCE, message: 'output matches /capital.*Paris/ms: "capital of France is Paris"' },
  { name: 'regex_match fails', spec: { regex_match: '\\d{4}' }, passed: false, actual: SENTENCE, message: `output does not match /\\d{4}/ms; it begins ${S}` },
  { name: 'must_call_tool, no calls', spec: { must_call_tool: 'get_weather' }, passed: false, actual: [], message: 'the model called no tool; expected "get_weather"' },
  {
    name: 'must_call_tool, one call',
    spec: { must_call_tool: 'get_weather' },
    subject: { toolCalls: callsOf('get_weather') },
    passed: true,
    actual: ['get_weather'],
    message: 'the model called "get_weather"',
  },
  {
    name: 'must_call_tool list, many calls with repeats',
    spec: { must_call_tool: ['search', 'calculator'] },
    subject: { toolCalls: callsOf('search', 'browser', 'calculator', 'search') },
    passed: true,
    actual: ['search', 'browser', 'calculator'],
    message: 'the model called all 2 tools: "search", "calculator"',
  },
  {
    name: 'must_call_tool list, one not called',
    spec: { must_call_tool: ['search', 'calculator'] },
    subject: { toolCalls: callsOf('search', 'browser') },
    passed: false,
    actual: ['search', 'browser'],
    message: 'the model did not call "calculator"; it called "search", "browser"',
  },
  { name: 'output_type text', spec: { output_type: 'text' }, passed: true, actual: ['text'], message: 'output is text: it is not JSON and has no fenced code block' },
  {
    name: 'output_type json fails on prose',
    spec: { output_type: 'json' },
    subject: { output: 'Paris' },
    passed: false,
    actual: ['text'],
    message: 'output is not json: it does not parse as JSON (Unexpected token \'P\', "Paris" is not valid JSON); it begins "Paris"',
  },
  { name: 'max_latency_ms at the limit', spec: { max_latency_ms: 120 }, passed: true, actual: 120, message: 'the answer took 120 ms, within the maximum of 120 ms' },
  { name: 'max_latency_ms over', spec: { max_latency_ms: 100 }, passed: false, actual: 120, message: 'the answer took 120 ms, over the maximum of 100 ms' },
  { name: 'min_tokens at the limit', spec: { min_tokens: 12 }, passed: true, actual: 12, message: 'the answer has 12 output tokens, at least the minimum of 12 output tokens' },
  { name: 'min_tokens under', spec: { min_tokens: 13 }, passed: false, actual: 12, message: 'the answer has 12 output tokens, under the minimum of 13 output tokens' },
  { name: 'max_tokens within', spec: { max_tokens: 12 }, passed: true, actual: 12, message: 'the answer has 12 output tokens, within the maximum of 12 output tokens' },
  { name: 'max_tokens over', spec: { max_tokens: 11 }, passed: false, actual: 12, message: 'the answer has 12 output tokens, over the maximum of 11 output tokens' },
  { name: 'min_length at the limit', spec: { min_length: 31 }, passed: true, actual: 31, message: 'the output has 31 characters, at least the minimum of 31 characters' },
  { name: 'min_length under', spec: { min_length: 32 }, passed: false, actual: 31, message: 'the output has 31 characters, under the minimum of 32 characters' },
  { name: 'max_length counts code points', spec: { max_length: 2 }, subject: { output: '😀😀' }, passed: true, actual: 2, message: 'the output has 2 characters, within the maximum of 2 characters' },
  { name: 'max_length over', spec: { max_length: 30 }, passed: false, actual: 31, message: 'the output has 31 characters, over the maximum of 30 characters' },
  { name: 'is_json valid', spec: { is_json: true }, subject: { output: ' {"city": "Paris"} ' }, passed: true, actual: '{"city": "Paris"}', message: 'output is valid JSON' },
  {
    name: 'is_json invalid',
    spec: { is_json: true },
    passed: false,
    actual: SENTENCE,
    message: `output is not valid JSON: Unexpected token 'T', "The capita"... is not valid JSON; it begins ${S}`,
  },
  { name: 'max_cost_usd within', spec: { max_cost_usd: 0.001 }, passed: true, actual: 0.0005, message: 'the answer cost $0.0005, within the limit of $0.001' },
  { name: 'max_cost_usd over', spec: { max_cost_usd: 0.0001 }, passed: false, actual: 0.0005, message: 'the answer cost $0.0005, over the limit of $0.0001' },
  {
    name: 'max_cost_usd without a known price',
    spec: { max_cost_usd: 1 },
    subject: { costUsd: null, model: 'my-fine-tune' },
    passed: false,
    actual: null,
    message: 'cost unknown: no price is known for the model "my-fine-tune", so the limit of $1.00 cannot be checked (counted as a failure)',
  },
];

describe('each assertion kind', () => {
  it.each(CASES)('$name', ({ spec, subject, passed, actual, message }) => {
    const kind = Object.keys(spec)[0] as string;
    const expected = kind === 'regex' || kind === 'regex_match' ? expect.stringMatching(/^\/.*\/[imsu]*$/) : spec[kind];
    expect(checkOne(spec, subject)).toEqual({ kind, expected, passed, actual, message });
  });

  it('shows regexes as /pattern/flags and every other value as written', () => {
    expect(checkOne({ regex: 'a+', flags: 'im' }).expected).toBe('/a+/im');
    expect(checkOne({ regex: 'a+' }).expected).toBe('/a+/');
    expect(checkOne({ regex_match: 'a+' }).expected).toBe('/a+/ms');
    expect(checkOne({ must_call_tool: ['a', 'b'] }).expected).toEqual(['a', 'b']);
    expect(checkOne({ max_cost_usd: 0.5 }).expected).toBe(0.5);
  });

  it('has a passing and a failing case for every kind', () => {
    for (const kind of ASSERTION_KINDS) {
      const outcomes = new Set(CASES.filter((item) => kind in item.spec).map((item) => item.passed));
      expect({ kind, outcomes: [...outcomes].sort() }).toEqual({ kind, outcomes: [false, true] });
    }
  });
});
