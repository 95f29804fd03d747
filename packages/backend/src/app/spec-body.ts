import type { FastifyRequest } from 'fastify';
import type { JsonSchema } from '../contract/assertions.js';
import { strictObject } from '../contract/schemas/builders.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { assertMatchesSchema } from '../spec/schema-validator.js';
import { validateTestSpec, validateTestSuite } from '../spec/validate-spec.js';
import { isYamlBody } from './body-parsers.js';

const specEnvelope: JsonSchema = strictObject({ test_spec: {} }, ['test_spec']);
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

/** The suite of a request: a YAML body, or `body.suite` of a JSON `{ "suite": {...} }`; errors name `suite.<path>`. */
export function readTestSuiteBody(request: FastifyRequest): TestSuite {
  if (isYamlBody(request)) return validateTestSuite(request.body, 'suite');
  const envelope = assertMatchesSchema<{ suite: unknown }>(suiteEnvelope, request.body, '');
  return validateTestSuite(envelope.suite, 'suite');
}
