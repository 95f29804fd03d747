import { validationError } from '../../app/errors.js';
import { DEFAULT_MAX_TOKENS } from '../../contract/schemas/limits.js';
import type { ProviderName } from '../../contract/providers.js';
import type { ModelConfig, ResolvedRequest } from '../../contract/spec.js';
import type { ParameterOrigins } from '../aliases.js';

/** Highest temperature Anthropic accepts (OpenAI: 2, the format's own bound). */
export const ANTHROPIC_MAX_TEMPERATURE = 1;
/** Most stop sequences OpenAI accepts. */
export const OPENAI_MAX_STOP_SEQUENCES = 4;

const LABELS: Readonly<Record<ProviderName, string>> = { anthropic: 'Anthropic', openai: 'OpenAI' };

type Sampling = Pick<ResolvedRequest, 'max_tokens' | 'temperature' | 'top_p' | 'top_k' | 'stop_sequences' | 'seed'>;

/** What {@link resolveSampling} reads from a canonical spec. */
export interface SamplingInput {
  readonly config: ModelConfig | undefined;
  readonly seed: number | undefined;
  readonly origins: ParameterOrigins;
}

function ignored(parameter: string, provider: ProviderName): string {
  return `${parameter} is not supported by ${LABELS[provider]} and was ignored`;
}

/**
 * The sampling parameters for one provider: `max_tokens` defaults to {@link DEFAULT_MAX_TOKENS};
 * `top_k` is Anthropic-only and `seed` OpenAI-only (an unsupported one is dropped and a note says
 * so); Anthropic refuses a temperature above 1 and whitespace-only stop sequences; OpenAI takes at
 * most 4 stop sequences.
 * @throws BackendError 400 naming the field where the value was written.
 */
export function resolveSampling(provider: ProviderName, input: SamplingInput): { sampling: Sampling; notes: string[] } {
  const { config, seed, origins } = input;
  const notes: string[] = [];
  const stopField = `${origins.model_config}.stop_sequences`;
  if (provider === 'anthropic' && config?.temperature !== undefined && config.temperature > ANTHROPIC_MAX_TEMPERATURE) {
    throw validationError(origins.temperature, `must be <= ${ANTHROPIC_MAX_TEMPERATURE} for Anthropic models (OpenAI accepts up to 2)`);
  }
  const stops = config?.stop_sequences;
  if (provider === 'openai' && stops !== undefined && stops.length > OPENAI_MAX_STOP_SEQUENCES) {
    throw validationError(stopField, `must have at most ${OPENAI_MAX_STOP_SEQUENCES} items for OpenAI models (got ${stops.length})`);
  }
  const blank = provider === 'anthropic' ? (stops ?? []).findIndex((stop) => stop.trim() === '') : -1;
  if (blank !== -1) throw validationError(`${stopField}[${blank}]`, 'must contain a non-whitespace character for Anthropic models');
  if (provider !== 'anthropic' && config?.top_k !== undefined) notes.push(ignored('top_k', provider));
  if (provider !== 'openai' && seed !== undefined) notes.push(ignored('seed', provider));
  const sampling: Sampling = {
    max_tokens: config?.max_tokens ?? DEFAULT_MAX_TOKENS,
    ...(config?.temperature === undefined ? {} : { temperature: config.temperature }),
    ...(config?.top_p === undefined ? {} : { top_p: config.top_p }),
    ...(provider === 'anthropic' && config?.top_k !== undefined ? { top_k: config.top_k } : {}),
    ...(stops === undefined || stops.length === 0 ? {} : { stop_sequences: stops }),
    ...(provider === 'openai' && seed !== undefined ? { seed } : {}),
  };
  return { sampling, notes };
}
