import { describe, expect, it } from 'vitest';
import { MAX_YAML_CHARS, MAX_YAML_TOKENS, linePosition, parseYamlDocument, validateTestSpec } from '../../src/spec/index.js';
import { caught } from './helpers.js';

describe('parseYamlDocument: one YAML 1.2 document as plain JSON values', () => {
  it('parses the core schema without YAML 1.1 surprises (yes, dates and octal stay as written)', () => {
    const value = parseYamlDocument('a: yes\nb: 2024-01-01\nc: 0o17\nd: 012\ne: ~\nf: 1.0\ng: "1.0"\nh: .inf\n');
    expect(value).toEqual({ a: 'yes', b: '2024-01-01', c: 15, d: 12, e: null, f: 1, g: '1.0', h: Infinity });
  });

  it('keeps block scalars and merge keys (<<: *anchor)', () => {
    const value = parseYamlDocument('base: &base\n  model: gpt-4o\n  seed: 1\ntest:\n  <<: *base\n  seed: 2\nq: |\n  two\n  lines\n');
    expect(value).toEqual({ base: { model: 'gpt-4o', seed: 1 }, test: { model: 'gpt-4o', seed: 2 }, q: 'two\nlines\n' });
  });

  it('answers null for an empty document and for comments only', () => {
    expect(parseYamlDocument('')).toBeNull();
    expect(parseYamlDocument('# nothing here\n')).toBeNull();
  });

  it('gives a __proto__ key as an own property (never the prototype), which validation then refuses', () => {
    const value = parseYamlDocument('__proto__:\n  polluted: true\nname: x\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(caught(() => validateTestSpec(value)).details).toEqual({ field: 'test_spec.__proto__' });
  });

  it.each([
    { name: 'a plain value containing ": "', text: 'name: x\ninputs:\n  query: with fields: id, name\n', line: 3, column: 10, says: 'must be quoted' },
    { name: 'several ": " in one plain value', text: 'q: totals: Jan: 1, Feb: 2\n', line: 1, column: 4, says: 'Nested mappings are not allowed' },
    { name: 'a duplicate key', text: 'name: a\nmodel: b\nname: c\n', line: 3, column: 1, says: 'Map keys must be unique' },
    { name: 'a second document', text: 'name: a\n---\nname: b\n', line: 2, column: 1, says: 'remove the extra "---" document' },
    { name: 'tab indentation', text: 'inputs:\n\tquery: x\n', line: 2, column: 1, says: 'indent with spaces' },
    { name: 'an unclosed quote', text: 'name: "abc\nmodel: x\n', line: 3, column: 1, says: 'Missing closing "quote' },
    { name: 'an unclosed flow list', text: 'tags: [a, b\nname: x\n', line: 2, column: 1, says: 'must be sufficiently indented and end with a ]' },
    { name: 'an unknown tag', text: 'name: !secret x\n', line: 1, column: 7, says: 'only the YAML 1.2 core tags are supported' },
    { name: 'a YAML 1.1 tag', text: 'data: !!binary aGVsbG8=\n', line: 1, column: 7, says: 'Unresolved tag' },
    { name: 'a list as a mapping key', text: '? [a, b]\n: c\n', line: 1, column: 3, says: 'a mapping key must be plain text' },
    { name: 'an alias to no anchor', text: 'a: *nowhere\n', line: 1, column: 4, says: 'the alias *nowhere has no anchor &nowhere before it' },
    { name: 'bad indentation', text: 'inputs:\n  query: a\n model: b\n', line: 3, column: 1, says: 'All mapping items must start at the same column' },
  ])('refuses $name with 400 INVALID_YAML at line $line, column $column', ({ text, line, column, says }) => {
    const error = caught(() => parseYamlDocument(text, { source: 'tests/case.yaml' }));
    expect(error).toMatchObject({ code: 'INVALID_YAML', statusCode: 400, details: { line, column } });
    expect(error.message.startsWith(`tests/case.yaml line ${line}, column ${column}: `)).toBe(true);
    expect(error.message).toContain(says);
  });

  it('says "YAML" where no source is given', () => {
    expect(caught(() => parseYamlDocument('a: 1\na: 2\n')).message).toMatch(/^YAML line 2, column 1: /);
  });

  it('stops a billion-laughs alias expansion', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const error = caught(() => parseYamlDocument(levels.join('\n')));
    expect(error.code).toBe('INVALID_YAML');
    expect(error.message).toContain('aliases expand to too many nodes');
  });

  it('resolves a modest number of aliases', () => {
    const text = `d: &d {model: gpt-4o}\ntests: [${Array(20).fill('*d').join(', ')}]\n`;
    expect((parseYamlDocument(text) as { tests: unknown[] }).tests).toHaveLength(20);
  });

  it.each([
    { name: 'flow lists nested past 64 levels', text: `a: ${'['.repeat(70)}${']'.repeat(70)}` },
    { name: 'block sequences nested on one line', text: '- '.repeat(70_000) },
    { name: 'block mappings indented past 64 levels', text: Array.from({ length: 700 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n') },
    { name: '100 000 unclosed brackets', text: '['.repeat(100_000) },
  ])('refuses $name before parsing (no deep recursion)', ({ text }) => {
    const error = caught(() => parseYamlDocument(text));
    expect(error.code).toBe('INVALID_YAML');
    expect(error.message).toContain('nested more than 64 levels deep');
  });

  it('accepts 60 levels of nesting', () => {
    const text = `${Array.from({ length: 60 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n')} 1`;
    expect(parseYamlDocument(text)).toBeTypeOf('object');
  });

  it(`refuses more than ${MAX_YAML_CHARS} characters, naming the line where the limit falls`, () => {
    const text = `q: "${'x'.repeat(MAX_YAML_CHARS)}"\n`;
    const error = caught(() => parseYamlDocument(text));
    expect(error).toMatchObject({ code: 'INVALID_YAML', details: { line: 1, column: MAX_YAML_CHARS + 1 } });
    expect(error.message).toContain(`may have at most ${MAX_YAML_CHARS}`);
  });

  it(`refuses more than ${MAX_YAML_TOKENS} tokens (dense flow lists, error-laden input)`, () => {
    for (const text of [`[${'1,'.repeat(MAX_YAML_TOKENS)}]`, '[]'.repeat(MAX_YAML_TOKENS)]) {
      expect(caught(() => parseYamlDocument(text)).message).toContain(`more than ${MAX_YAML_TOKENS} YAML tokens`);
    }
  });

  it('parses a long prompt in a block scalar (one token, however long)', () => {
    const text = `q: |\n${'  a line of a long prompt\n'.repeat(8_000)}`;
    expect((parseYamlDocument(text) as { q: string }).q).toHaveLength(8_000 * 24);
  });

  it('leaves Error.stackTraceLimit as it was', () => {
    const before = Error.stackTraceLimit;
    caught(() => parseYamlDocument('a: [1, 2'));
    parseYamlDocument('a: 1');
    expect(Error.stackTraceLimit).toBe(before);
  });
});

describe('linePosition', () => {
  it.each([
    { offset: 0, line: 1, column: 1 },
    { offset: 2, line: 1, column: 3 },
    { offset: 3, line: 2, column: 1 },
    { offset: 5, line: 2, column: 3 },
    { offset: 99, line: 3, column: 2 },
  ])('offset $offset is line $line, column $column', ({ offset, line, column }) => {
    expect(linePosition('ab\ncd\ne', offset)).toEqual({ line, column });
  });
});
