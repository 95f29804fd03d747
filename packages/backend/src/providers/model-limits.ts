import type { ProviderName } from '../contract/providers.js';
import type { ResolvedRequest } from '../contract/spec.js';
import { PROVIDER_CATALOG } from './catalog.js';

/** The request parameters a provider or model may refuse. */
export type OptionalParameter = 'temperature' | 'top_p' | 'top_k' | 'stop_sequences' | 'seed';

interface ModelRule {
  readonly models: RegExp;
  readonly unsupported: readonly OptionalParameter[];
}

/** Parameters a provider has no equivalent for at all. */
const PROVIDER_UNSUPPORTED: Readonly<Record<ProviderName, readonly OptionalParameter[]>> = {
  anthropic: ['seed'],
  openai: ['top_k'],
};

const SAMPLING: readonly OptionalParameter[] = ['temperature', 'top_p', 'stop_sequences'];

/**
 * Models that answer 400 to a parameter their provider otherwise takes (as their APIs answer:
 * "Unsupported parameter: 'temperature' is not supported with this model"). The first match wins.
 * - OpenAI o-series (o1, o3, o4-mini, ...) and GPT-5, GPT-5 mini/nano and every `-pro` GPT-5: reasoning
 *   models, no temperature, top_p or stop.
 * - GPT-5.1 to GPT-5.4: temperature and top_p work (their default reasoning effort is `none`), stop does not.
 * - Claude Opus 4.7: no temperature, top_p or top_k.
 */
const MODEL_RULES: Readonly<Record<ProviderName, readonly ModelRule[]>> = {
  openai: [
    { models: /^o\d/, unsupported: SAMPLING },
    { models: /^gpt-5(\.\d+)?-pro(-|$)/, unsupported: SAMPLING },
    { models: /^gpt-5(-mini|-nano)?(-\d{4}-\d{2}-\d{2})?$/, unsupported: SAMPLING },
    { models: /^gpt-5\.[1-4](-|$)/, unsupported: ['stop_sequences'] },
  ],
  anthropic: [{ models: /^claude-opus-4-7(-|$)/, unsupported: ['temperature', 'top_p', 'top_k'] }],
};

/**
 * Claude models since Opus 4.1 take `temperature` or `top_p`, not both (a 400 otherwise): with
 * both set, `top_p` is left out (temperature is what specs set most).
 */
const TEMPERATURE_OR_TOP_P = /^claude-(opus-4-[156]|sonnet-4-[56]|haiku-4-5)(-|$)/;

/** The parameters `model` of `provider` does not take (an empty list for most models). */
export function unsupportedParameters(provider: ProviderName, model: string): readonly OptionalParameter[] {
  const rule = MODEL_RULES[provider].find((candidate) => candidate.models.test(model));
  return [...PROVIDER_UNSUPPORTED[provider], ...(rule?.unsupported ?? [])];
}

/**
 * The request without the parameters its model does not take, and a note for each one left out
 * (e.g. "temperature is not supported by o3 and was not sent"). The spec resolution applies it, so
 * that a `ResolvedRequest` is exactly what is sent; the provider clients apply it again, as a guard.
 */
export function withoutUnsupportedParameters(request: ResolvedRequest): { request: ResolvedRequest; notes: string[] } {
  const dropped = unsupportedParameters(request.provider, request.model).filter((parameter) => request[parameter] !== undefined);
  const providerWide = PROVIDER_UNSUPPORTED[request.provider];
  const notes = dropped.map((parameter) => {
    const by = providerWide.includes(parameter) ? PROVIDER_CATALOG[request.provider].label : request.model;
    return `${parameter} is not supported by ${by} and was not sent`;
  });
  const bothSampling = request.temperature !== undefined && request.top_p !== undefined && !dropped.includes('top_p');
  if (request.provider === 'anthropic' && bothSampling && TEMPERATURE_OR_TOP_P.test(request.model)) {
    dropped.push('top_p');
    notes.push(`top_p is not supported together with temperature by ${request.model} and was not sent`);
  }
  if (dropped.length === 0) return { request, notes: [] };
  const kept: Record<string, unknown> = { ...request };
  for (const parameter of dropped) delete kept[parameter];
  return { request: kept as unknown as ResolvedRequest, notes };
}
