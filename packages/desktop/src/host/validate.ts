import type { Assertion, AssertionKind, TestSpec } from '../shared/types.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';

const TEXT_KINDS: readonly AssertionKind[] = ['must_contain', 'must_not_contain', 'regex'];
const NUMBER_KINDS: readonly AssertionKind[] = ['max_latency_ms', 'min_length', 'max_length'];
const MAX_TEXT = 100_000;
const MAX_ASSERTIONS = 50;

function invalid(field: string, message: string): DesktopError {
  return new DesktopError(DESKTOP_ERROR_CODES.INVALID_INPUT, `${field} ${message}`, { details: { field } });
}

function text(value: unknown, field: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw invalid(field, 'must be a non-empty string');
  if (value.length > max) throw invalid(field, `must be at most ${max} characters`);
  return value;
}

function assertion(value: unknown, index: number): Assertion {
  const field = `assertions[${index}]`;
  if (typeof value !== 'object' || value === null) throw invalid(field, 'must be an object');
  const entries = Object.entries(value);
  const [entry] = entries;
  if (entries.length !== 1 || !entry) throw invalid(field, 'must have exactly one kind');
  const [kind, expected] = entry;
  if (TEXT_KINDS.includes(kind as AssertionKind)) {
    text(expected, `${field}.${kind}`);
    if (kind === 'regex') {
      try {
        new RegExp(expected as string);
      } catch {
        throw invalid(`${field}.regex`, 'is not a valid regular expression');
      }
    }
  } else if (NUMBER_KINDS.includes(kind as AssertionKind)) {
    if (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 0) {
      throw invalid(`${field}.${kind}`, 'must be a non-negative integer');
    }
  } else {
    throw invalid(field, `has an unknown kind "${kind.slice(0, 40)}"`);
  }
  return { [kind]: expected } as Assertion;
}

/** Check a spec that came from the renderer before it reaches the backend; names the bad field. */
export function validateTestSpec(value: unknown): TestSpec {
  if (typeof value !== 'object' || value === null) throw invalid('test_spec', 'must be an object');
  const spec = value as Record<string, unknown>;
  const inputs = spec.inputs as Record<string, unknown> | undefined;
  if (typeof inputs !== 'object' || inputs === null) throw invalid('inputs', 'must be an object');
  if (!Array.isArray(spec.assertions)) throw invalid('assertions', 'must be an array');
  if (spec.assertions.length > MAX_ASSERTIONS) throw invalid('assertions', `must have at most ${MAX_ASSERTIONS} entries`);
  const result: TestSpec = {
    name: text(spec.name, 'name', 200),
    model: text(spec.model, 'model', 200),
    inputs: { query: text(inputs.query, 'inputs.query'), ...(inputs.system === undefined ? {} : { system: text(inputs.system, 'inputs.system') }) },
    assertions: spec.assertions.map(assertion),
  };
  if (spec.max_tokens !== undefined) {
    if (typeof spec.max_tokens !== 'number' || !Number.isInteger(spec.max_tokens) || spec.max_tokens < 1) throw invalid('max_tokens', 'must be a positive integer');
    return { ...result, max_tokens: spec.max_tokens };
  }
  return result;
}

/** Check an API key typed by the user: a single line of printable ASCII, sane length. */
export function validateApiKey(value: unknown): string {
  if (typeof value !== 'string') throw invalid('apiKey', 'must be a string');
  const key = value.trim();
  if (key.length < 8 || key.length > 512) throw invalid('apiKey', 'must be between 8 and 512 characters');
  if (!/^[\x21-\x7e]+$/.test(key)) throw invalid('apiKey', 'must not contain spaces or control characters');
  return key;
}

export function validateRunId(value: unknown): string {
  if (typeof value !== 'string' || !/^[\w-]{1,200}$/.test(value)) throw invalid('id', 'must be a run id');
  return value;
}

export function validateListOptions(value: unknown): { limit?: number; cursor?: string } {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') throw invalid('options', 'must be an object');
  const { limit, cursor } = value as Record<string, unknown>;
  const out: { limit?: number; cursor?: string } = {};
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 200) throw invalid('limit', 'must be an integer from 1 to 200');
    out.limit = limit;
  }
  if (cursor !== undefined) out.cursor = text(cursor, 'cursor', 500);
  return out;
}
