import { describe, expect, it } from 'vitest';
import { ACTUAL_TEXT_LIMIT, LISTED_ITEMS_LIMIT, evaluateAssertions, prepareAssertions, type AssertionSpec } from '../../src/assertions/index.js';
import { cutText, excerptAround } from '../../src/assertions/text/excerpt.js';
import { BASE_SUBJECT, callsOf, checkOne } from './subject.js';

/** A megabyte of prose with "needle" in the middle. */
const HUGE = `${'The capital of France is Paris. '.repeat(16_000)}needle${' And so on.'.repeat(45_000)}`;

/** One assertion of every kind, passing or failing, all to run on the huge output. */
const EVERY_KIND: AssertionSpec[] = [
  { must_contain: 'needle' },
  { must_contain: ['needle', 'absent', 'missing'] },
  { must_not_contain: 'needle' },
  { must_not_contain: 'absent' },
  { icontains: 'NEEDLE' },
  { contains_any: ['absent', 'needle'] },
  { contains_all: ['needle', 'absent'] },
  { equals: 'The capital of France is Paris.' },
  { starts_with: 'Paris' },
  { regex: 'needle' },
  { regex_match: 'absent\\d+' },
  { must_call_tool: 'search' },
  { output_type: 'markdown' },
  { max_latency_ms: 10 },
  { min_tokens: 5 },
  { max_tokens: 5 },
  { min_length: 5 },
  { max_length: 5 },
  { is_json: true },
  { is_json: { schema: { type: 'string' } } },
  { max_cost_usd: 0.0001 },
];

const textsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

describe('bounded results', () => {
  it(`keeps every actual within ${ACTUAL_TEXT_LIMIT} characters and every message short on a 1 MB output`, () => {
    const { results } = evaluateAssertions(prepareAssertions(EVERY_KIND), { ...BASE_SUBJECT, output: HUGE });
    expect(results).toHaveLength(EVERY_KIND.length);
    const tooLong = results.flatMap((result) => textsOf(result.actual).filter((text) => text.length > ACTUAL_TEXT_LIMIT).map(() => result.kind));
    expect(tooLong).toEqual([]);
    expect(results.filter((result) => result.message.length > 400).map((result) => result.kind)).toEqual([]);
  });

  it('shows the excerpt around a match deep in the output, cut with ellipses', () => {
    const result = checkOne({ must_contain: 'needle' }, { output: HUGE });
    expect(result.actual).toHaveLength(ACTUAL_TEXT_LIMIT);
    expect(result.actual).toMatch(/^….*needle.*…$/);
    expect(result.message).toMatch(/^output contains "needle" \(case-sensitive\): "….*needle.*…"$/);
  });

  it('shows where a forbidden text was found', () => {
    const result = checkOne({ must_not_contain: 'needle' }, { output: HUGE });
    expect(result.passed).toBe(false);
    expect(String(result.actual)).toContain('needle');
  });

  it('shows the beginning of the output when a text is missing', () => {
    const result = checkOne({ must_contain: 'absent' }, { output: HUGE });
    expect(result.actual).toBe(cutText(HUGE));
    expect(String(result.actual).endsWith('…')).toBe(true);
    expect(result.message).toBe(`output does not contain "absent" (case-sensitive); it begins ${JSON.stringify(cutText(HUGE, 60))}`);
  });

  it(`names at most ${LISTED_ITEMS_LIMIT} items of a list, then how many more`, () => {
    const missing = Array.from({ length: 25 }, (_, index) => `word${index}`);
    const message = checkOne({ contains_all: missing }).message;
    expect(message).toContain('"word9" and 15 more (25 of 25 texts missing');
    expect(message).not.toContain('"word10"');
    const calls = callsOf(...Array.from({ length: 30 }, (_, index) => `tool${index}`));
    const actual = checkOne({ must_call_tool: 'tool29' }, { toolCalls: calls }).actual;
    expect(actual).toHaveLength(LISTED_ITEMS_LIMIT + 1);
    expect((actual as string[]).at(-1)).toBe('… and 20 more');
  });

  it('never cuts a surrogate pair in half', () => {
    const emoji = '😀'.repeat(300);
    const cut = cutText(emoji);
    expect(cut.length).toBeLessThanOrEqual(ACTUAL_TEXT_LIMIT);
    expect(cut.endsWith('😀…')).toBe(true);
    const around = excerptAround(`a${emoji}`, 250, 2);
    expect(around).toMatch(/^…(😀)+…$/u);
  });
});
