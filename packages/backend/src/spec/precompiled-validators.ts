import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../contract/assertions.js';

/**
 * Validators generated at build time (Ajv's standalone code, with AJV_OPTIONS) for the contract's
 * largest schemas, keyed by the schema objects themselves. The `sentinel` CLI's bundle replaces this
 * module with them (scripts/bundle/precompile-schemas.mjs): compiling the spec and suite schemas was
 * the largest part of every `sentinel run`'s start. Elsewhere it is empty and schemas are compiled
 * on first use.
 */
export const PRECOMPILED_VALIDATORS: ReadonlyMap<JsonSchema, ValidateFunction> = new Map();
