/**
 * The spec format, backend side: YAML parsing, validation against the contract's JSON Schemas,
 * suite expansion, resolution into a provider request, and the request's hash.
 */
export { parseYamlDocument, linePosition, type ParseYamlOptions } from './parse-yaml.js';
export { MAX_YAML_ALIAS_COUNT, MAX_YAML_CHARS, MAX_YAML_TOKENS } from './yaml-limits.js';
export { validateTestSpec, validateTestSuite, isSuiteDocument, expandSuite } from './validate-spec.js';
export { canonicalizeSpec, type CanonicalSpec, type ParameterOrigins } from './aliases.js';
export { mergeDefaults, MERGED_FIELDS } from './merge-defaults.js';
export { resolveSpec, type ResolvedSpec } from './resolve/resolve-spec.js';
export { inferProvider, PROVIDER_PREFIXES } from './resolve/provider.js';
export { renderContext } from './resolve/conversation.js';
export { EMPTY_PARAMETERS, SHORTHAND_TYPES, toParametersSchema } from './resolve/tool-parameters.js';
export { ANTHROPIC_MAX_TEMPERATURE, OPENAI_MAX_STOP_SEQUENCES } from './resolve/sampling.js';
export { requestHash, canonicalJson } from './request-hash.js';
export { assertPlainData, FORBIDDEN_KEYS } from './plain-data.js';
export { assertMatchesSchema, AJV_OPTIONS } from './schema-validator.js';
