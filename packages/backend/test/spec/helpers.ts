import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { BackendError } from '../../src/app/errors.js';

/** The text of a fixture in test/spec/fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** The BackendError `run` throws (fails the test when it throws nothing or something else). */
export function caught(run: () => unknown): BackendError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error('expected a BackendError, nothing was thrown');
}

/** A minimal valid spec, fields overridable (an `undefined` override removes the field). */
export function minimalSpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    name: 'capital',
    model: 'claude-sonnet-4-5',
    inputs: { query: 'What is the capital of France?' },
    assertions: [{ must_contain: 'Paris' }],
    ...overrides,
  };
  for (const key of Object.keys(spec)) if (spec[key] === undefined) delete spec[key];
  return spec;
}
