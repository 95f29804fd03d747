/**
 * JSON Schemas (draft-07) of the spec format and of the result shapes, as plain objects: no Ajv,
 * no Node imports, so the desktop and the e2e client compile them with their own Ajv.
 * Compile them with `strict: true, allowUnionTypes: true, strictRequired: false`.
 */
export * from './assertion.js';
export * from './describe-error.js';
export * from './field-path.js';
export * from './limits.js';
export * from './resolved-request.js';
export * from './run-record.js';
export * from './test-spec.js';
export * from './test-suite.js';
