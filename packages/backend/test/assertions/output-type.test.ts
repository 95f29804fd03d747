import { describe, expect, it } from 'vitest';
import { OUTPUT_TYPES } from '../../src/contract/assertions.js';
import { checkOne } from './subject.js';

/** Outputs and every output type each one is (the `actual` of any output_type check). */
const OUTPUTS = [
  { name: 'a sentence', output: 'The capital of France is Paris.', types: ['text'] },
  { name: 'empty', output: '', types: [] },
  { name: 'blank', output: ' \n\t ', types: [] },
  { name: 'a JSON object', output: '{"city": "Paris"}', types: ['json', 'structured'] },
  { name: 'a JSON array with whitespace around', output: '\n [1, 2]\n', types: ['json', 'structured'] },
  { name: 'a JSON string', output: '"Paris"', types: ['json'] },
  { name: 'JSON in a json fence', output: '```json\n{"city": "Paris"}\n```', types: ['json', 'markdown', 'code', 'structured'] },
  { name: 'JSON in a bare fence', output: '```\n[1]\n```', types: ['json', 'markdown', 'code', 'structured'] },
  { name: 'JSON after an intro line', output: 'Here it is:\n{"city": "Paris"}', types: ['text'] },
  { name: 'a fence tagged python holding JSON', output: '```python\n[1]\n```', types: ['markdown', 'code'] },
  { name: 'a heading', output: '# Paris\n\nThe capital.', types: ['text', 'markdown'] },
  { name: 'one list item', output: '- Paris', types: ['text', 'markdown'] },
  { name: 'a list of two items', output: 'Cities:\n- Paris\n- Lyon', types: ['text', 'markdown', 'structured'] },
  { name: 'a numbered list', output: '1. Paris\n2) Lyon', types: ['text', 'markdown', 'structured'] },
  { name: 'a table', output: '| city | pop |\n| --- | :-: |\n| Paris | 2M |', types: ['text', 'markdown', 'structured'] },
  { name: 'a table without outer pipes', output: 'city | pop\n--- | ---\nParis | 2M', types: ['text', 'markdown', 'structured'] },
  { name: 'a block quote', output: '> Paris', types: ['text', 'markdown'] },
  { name: 'bold text', output: 'It is **Paris**.', types: ['text', 'markdown'] },
  { name: 'a link', output: 'See [Paris](https://en.wikipedia.org/wiki/Paris).', types: ['text', 'markdown'] },
  { name: 'inline code', output: 'Run `npm test`.', types: ['text', 'markdown'] },
  { name: 'a fenced code block', output: 'Here:\n```python\ndef f():\n    return 1\n```\nDone.', types: ['markdown', 'code'] },
  { name: 'an unclosed fence (CommonMark: runs to the end)', output: '~~~\nlet x = 1', types: ['markdown', 'code'] },
  { name: 'an empty fence', output: '```\n```', types: ['text', 'markdown'] },
  { name: 'unfenced Python', output: 'def factorial(n: int) -> int:\n    return 1 if n < 2 else n * factorial(n - 1)', types: ['text', 'code'] },
  { name: 'unfenced JavaScript', output: 'const total = items.length;', types: ['text', 'code'] },
  { name: 'unfenced SQL', output: 'SELECT name FROM cities', types: ['text', 'code'] },
  { name: 'prose starting with "let"', output: 'let me explain the answer', types: ['text'] },
  { name: 'prose with braces', output: 'The set {1, 2} has two members.', types: ['text'] },
  { name: 'CRLF line ends', output: '# Title\r\n- a\r\n- b\r\n', types: ['text', 'markdown', 'structured'] },
] as const;

describe('output_type', () => {
  it.each(OUTPUTS)('$name is $types', ({ output, types }) => {
    for (const type of OUTPUT_TYPES) {
      const result = checkOne({ output_type: type }, { output });
      expect(result.actual).toEqual(types);
      expect({ type, passed: result.passed }).toEqual({ type, passed: (types as readonly string[]).includes(type) });
    }
  });

  it.each([
    { type: 'json', output: '```json\n{"a": 1}\n```', message: 'output is json: the whole output is one ```json block that parses as JSON' },
    { type: 'structured', output: '[1]', message: 'output is structured: it is a JSON array' },
    { type: 'structured', output: '- a\n- b', message: 'output is structured: it has a markdown list of two or more items' },
    { type: 'markdown', output: '# Paris', message: 'output is markdown: it has a heading' },
    { type: 'code', output: 'import os', message: 'output is code: a line starts like source code' },
    { type: 'text', output: '```\ncode\n```', message: 'output is not text: it has a fenced code block; it begins "```\\ncode\\n```"' },
    { type: 'text', output: '', message: 'output is not text: the output is empty; the output is empty' },
    { type: 'text', output: '{}', message: 'output is not text: it is JSON; it begins "{}"' },
    {
      type: 'structured',
      output: 'Paris.',
      message: 'output is not structured: it is not a JSON object or array and has no markdown table and no list of two or more items; it begins "Paris."',
    },
  ])('explains $type for $output', ({ type, output, message }) => {
    expect(checkOne({ output_type: type }, { output }).message).toBe(message);
  });

  it.each([
    { name: 'a megabyte of brackets', output: '['.repeat(1_000_000) },
    { name: 'a megabyte of pipes and dashes', output: '|-'.repeat(500_000) },
    { name: 'a megabyte of backticks', output: '`'.repeat(1_000_000) },
    { name: 'a hundred thousand list-like lines', output: '- [x](y\n'.repeat(100_000) },
    { name: 'a megabyte of asterisks', output: '*'.repeat(1_000_000) },
  ])('classifies $name in linear time', ({ output }) => {
    for (const type of OUTPUT_TYPES) expect(typeof checkOne({ output_type: type }, { output }).passed).toBe('boolean');
  });
});
