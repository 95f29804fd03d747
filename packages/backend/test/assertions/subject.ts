import { BackendError } from '../../src/app/errors.js';
import { evaluateAssertions, prepareAssertions, type AssertionResult, type AssertionSpec, type AssertionSubject } from '../../src/assertions/index.js';

/** The answer most cases check: a short sentence, no tool calls, a known cost. */
export const BASE_SUBJECT: AssertionSubject = {
  output: 'The capital of France is Paris.',
  toolCalls: [],
  latencyMs: 120,
  usage: { input_tokens: 10, output_tokens: 12 },
  costUsd: 0.0005,
  model: 'claude-sonnet-4-5',
};

/** Prepares one assertion and evaluates it against the base subject with `overrides`. */
export function checkOne(spec: unknown, overrides: Partial<AssertionSubject> = {}): AssertionResult {
  const [result] = evaluateAssertions(prepareAssertions([spec as AssertionSpec]), { ...BASE_SUBJECT, ...overrides }).results;
  if (result === undefined) throw new Error('no result');
  return result;
}

/** The BackendError `prepareAssertions` throws for these specs (fails the test when none is thrown). */
export function prepareError(specs: readonly unknown[], field?: string): BackendError {
  try {
    prepareAssertions(specs as AssertionSpec[], field);
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error(`prepareAssertions accepted ${JSON.stringify(specs)}`);
}

/** Tool calls with these names, in order. */
export function callsOf(...names: string[]): AssertionSubject['toolCalls'] {
  return names.map((name, index) => ({ id: `call_${index}`, name, arguments: {} }));
}
