import { describe, expect, it } from 'vitest';
import { evaluateAssertions, prepareAssertion, prepareAssertions } from '../src/assertions/index.js';
import { MAX_REGEX_INPUT_LENGTH, findRegexHazard } from '../src/assertions/regex-safety.js';
import { BackendError } from '../src/app/errors.js';

const subject = { output: 'The capital of France is Paris.', latencyMs: 120 };

describe('assertions', () => {
  it.each([
    { spec: { must_contain: 'Paris' }, passed: true },
    { spec: { must_contain: 'paris' }, passed: false },
    { spec: { must_not_contain: 'Lyon' }, passed: true },
    { spec: { must_not_contain: 'France' }, passed: false },
    { spec: { regex: 'Paris\\.$' }, passed: true },
    { spec: { regex: '^paris', flags: 'i' }, passed: false },
    { spec: { regex: 'capital.*paris', flags: 'i' }, passed: true },
    { spec: { max_latency_ms: 120 }, passed: true },
    { spec: { max_latency_ms: 119 }, passed: false },
    { spec: { min_length: 31 }, passed: true },
    { spec: { min_length: 32 }, passed: false },
    { spec: { max_length: 31 }, passed: true },
    { spec: { max_length: 30 }, passed: false },
  ])('$spec -> passed $passed', ({ spec, passed }) => {
    const result = prepareAssertion(spec, 'a').evaluate(subject);
    expect(result.passed).toBe(passed);
    expect(result.message.length).toBeGreaterThan(0);
  });

  it('succeeds only when every assertion passes', () => {
    const passing = prepareAssertions([{ must_contain: 'Paris' }, { max_length: 100 }]);
    const failing = prepareAssertions([{ must_contain: 'Paris' }, { max_length: 10 }]);
    expect(evaluateAssertions(passing, subject).success).toBe(true);
    expect(evaluateAssertions(failing, subject).success).toBe(false);
  });

  it('fails a regex check on output longer than the cap instead of running it', () => {
    const result = prepareAssertion({ regex: 'a' }, 'a').evaluate({ output: 'a'.repeat(MAX_REGEX_INPUT_LENGTH + 1), latencyMs: 0 });
    expect(result.passed).toBe(false);
    expect(result.message).toContain(String(MAX_REGEX_INPUT_LENGTH));
  });

  it('rejects a wrong value type naming the field', () => {
    expect(() => prepareAssertion({ min_length: 'x' }, 'test_spec.assertions[3]')).toThrow(/test_spec\.assertions\[3\]\.min_length must be an integer/);
    expect(() => prepareAssertion({ must_contain: 3 }, 'f')).toThrow(BackendError);
  });
});

describe('findRegexHazard', () => {
  it.each(['^(a+)+$', '(a*)*b', '(x+x+)+y', '(a|aa)+', '(.*a){20}', '((ab)*c)+', '(a)\\1', '(?<n>a)\\k<n>', 'a'.repeat(600)])(
    'refuses %j',
    (pattern) => {
      expect(findRegexHazard(pattern)).toBeDefined();
    },
  );

  it.each(['^Paris$', 'a+b*c?', '(abc)+', '(foo|bar)', '(foo|bar)?', '[a-z]+@[a-z]+\\.com', '\\d{3}-\\d{4}', '(a+){1}', '[(]+', '\\(a+\\)+'])(
    'accepts %j',
    (pattern) => {
      expect(findRegexHazard(pattern)).toBeUndefined();
    },
  );
});
