import { validationError } from '../app/errors.js';
import type { ModelConfig, PartialTestSpec } from '../contract/spec.js';

/** Where each resolved sampling parameter was written, for error messages (`test_spec.config.temperature`). */
export interface ParameterOrigins {
  readonly temperature: string;
  readonly max_tokens: string;
  readonly model_config: string;
}

/** A spec in canonical form (no aliases) and where its parameters came from. */
export interface CanonicalSpec<T extends PartialTestSpec> {
  readonly spec: T;
  readonly origins: ParameterOrigins;
}

function conflict(field: string, alias: string, canonical: string): never {
  throw validationError(`${field}.${alias}`, `cannot be given together with ${canonical} (it is an alias of it): keep one`);
}

/**
 * Rewrites the aliases of the earlier formats into canonical fields: `config` -> `model_config`,
 * top-level `max_tokens` / `temperature` -> `model_config.max_tokens` / `.temperature`,
 * `inputs.system` -> `inputs.system_prompt`. An alias given together with its canonical field is
 * a 400 naming the alias (no silent choice between two values).
 */
export function canonicalizeSpec<T extends PartialTestSpec>(spec: T, field: string): CanonicalSpec<T> {
  const { config, max_tokens: maxTokens, temperature, ...rest } = spec;
  if (config !== undefined && spec.model_config !== undefined) conflict(field, 'config', 'model_config');
  const configField = config === undefined ? 'model_config' : 'config';
  const modelConfig: ModelConfig | undefined = config ?? spec.model_config;
  if (maxTokens !== undefined && modelConfig?.max_tokens !== undefined) conflict(field, 'max_tokens', `${configField}.max_tokens`);
  if (temperature !== undefined && modelConfig?.temperature !== undefined) conflict(field, 'temperature', `${configField}.temperature`);
  const mergedConfig: ModelConfig | undefined =
    modelConfig === undefined && maxTokens === undefined && temperature === undefined
      ? undefined
      : { ...modelConfig, ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }), ...(temperature === undefined ? {} : { temperature }) };
  let inputs = spec.inputs;
  if (inputs?.system !== undefined) {
    if (inputs.system_prompt !== undefined) conflict(`${field}.inputs`, 'system', 'system_prompt');
    const { system, ...otherInputs } = inputs;
    inputs = { ...otherInputs, system_prompt: system };
  }
  const canonical = { ...rest, ...(inputs === undefined ? {} : { inputs }), ...(mergedConfig === undefined ? {} : { model_config: mergedConfig }) } as T;
  const origins: ParameterOrigins = {
    temperature: temperature === undefined ? `${field}.${configField}.temperature` : `${field}.temperature`,
    max_tokens: maxTokens === undefined ? `${field}.${configField}.max_tokens` : `${field}.max_tokens`,
    model_config: `${field}.${configField}`,
  };
  return { spec: canonical, origins };
}
