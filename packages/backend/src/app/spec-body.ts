import type { FastifyRequest } from 'fastify';
import type { JsonSchema } from '../contract/assertions.js';
import { LIBRARY_ID_PATTERN } from '../contract/library.js';
import { strictObject } from '../contract/schemas/builders.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { assertMatchesSchema } from '../spec/schema-validator.js';
import { isSuiteDocument, validateTestSpec, validateTestSuite } from '../spec/validate-spec.js';
import { isYamlBody } from './body-parsers.js';

const specEnvelope: JsonSchema = strictObject({ test_spec: {} }, ['test_spec']);
const executeEnvelope: JsonSchema = strictObject({ test_spec: {}, test_id: { type: 'string', pattern: LIBRARY_ID_PATTERN } }, ['test_spec']);
const suiteEnvelope: JsonSchema = strictObject({ suite: {} }, ['suite']);

/**
 * The test spec of a request: the whole body when it was sent as YAML, else `body.test_spec` of
 * a JSON `{ "test_spec": {...} }`. Validated either way; errors name `test_spec.<path>`.
 * @throws BackendError 400 `VALIDATION_ERROR`.
 */
export function readTestSpecBody(request: FastifyRequest): TestSpec {
  if (isYamlBody(request)) return validateTestSpec(request.body, 'test_spec');
  const envelope = assertMatchesSchema<{ test_spec: unknown }>(specEnvelope, request.body, '');
  return validateTestSpec(envelope.test_spec, 'test_spec');
}

/**
 * An execute's body: the spec as in {@link readTestSpecBody}, and the library test it is an
 * (unsaved) edit of, if any: `test_id` beside `test_spec` in JSON, or `?test_id=` with YAML.
 */
export function readExecuteBody(request: FastifyRequest<{ Querystring: { test_id?: string } }>): { spec: TestSpec; testId: string | null } {
  if (isYamlBody(request)) return { spec: validateTestSpec(request.body, 'test_spec'), testId: request.query.test_id ?? null };
  const envelope = assertMatchesSchema<{ test_spec: unknown; test_id?: string }>(executeEnvelope, request.body, '');
  return { spec: validateTestSpec(envelope.test_spec, 'test_spec'), testId: envelope.test_id ?? null };
}

/** The suite of a request: a YAML body, or `body.suite` of a JSON `{ "suite": {...} }`; errors name `suite.<path>`. */
export function readTestSuiteBody(request: FastifyRequest): TestSuite {
  if (isYamlBody(request)) return validateTestSuite(request.body, 'suite');
  const envelope = assertMatchesSchema<{ suite: unknown }>(suiteEnvelope, request.body, '');
  return validateTestSuite(envelope.suite, 'suite');
}

/** A spec or a suite: a YAML body is a suite when it has `tests`; JSON is `{ "suite" }` or else `{ "test_spec" }`. */
export function readDocumentBody(request: FastifyRequest): { kind: 'test'; spec: TestSpec } | { kind: 'suite'; suite: TestSuite } {
  const body = request.body;
  const isSuite = isYamlBody(request) ? isSuiteDocument(body) : typeof body === 'object' && body !== null && Object.hasOwn(body, 'suite');
  return isSuite ? { kind: 'suite', suite: readTestSuiteBody(request) } : { kind: 'test', spec: readTestSpecBody(request) };
}
