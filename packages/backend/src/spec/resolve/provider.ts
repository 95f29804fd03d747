import { validationError } from '../../app/errors.js';
import type { ProviderName } from '../../contract/providers.js';

/** Model id prefixes that name their provider, checked in order (lower-cased). */
export const PROVIDER_PREFIXES: readonly { readonly prefix: string; readonly provider: ProviderName }[] = [
  { prefix: 'claude-', provider: 'anthropic' },
  { prefix: 'gpt-', provider: 'openai' },
  { prefix: 'o1', provider: 'openai' },
  { prefix: 'o3', provider: 'openai' },
  { prefix: 'o4', provider: 'openai' },
];

/** The provider a model id implies (`claude-*` -> anthropic; `gpt-*`, `o1*`, `o3*`, `o4*` -> openai), if any. */
export function inferProvider(model: string): ProviderName | undefined {
  const id = model.toLowerCase();
  return PROVIDER_PREFIXES.find(({ prefix }) => id.startsWith(prefix))?.provider;
}

/**
 * The spec's `provider`, or the one its model id implies.
 * @throws BackendError 400 naming `<field>.provider` when neither says.
 */
export function resolveProvider(provider: ProviderName | undefined, model: string, field: string): ProviderName {
  const resolved = provider ?? inferProvider(model);
  if (resolved !== undefined) return resolved;
  throw validationError(
    `${field}.provider`,
    `is required: the provider cannot be inferred from the model "${model}" (claude-* is anthropic; gpt-*, o1*, o3*, o4* are openai); set provider: anthropic or openai`,
  );
}
