import type { ProviderName } from '../contract/providers.js';

/** What a person and the configuration need to know about a provider. */
export interface ProviderDescription {
  /** A person-readable name, e.g. `OpenAI`. */
  readonly label: string;
  /** The environment variable of its key (the SDK's own). */
  readonly keyVariable: string;
  /** The environment variable of its endpoint (the SDK's own). */
  readonly baseUrlVariable: string;
  /** The SDK's endpoint when none is configured. */
  readonly defaultBaseUrl: string;
}

/** The one table of provider names, labels and variables. */
export const PROVIDER_CATALOG: Readonly<Record<ProviderName, ProviderDescription>> = {
  anthropic: {
    label: 'Anthropic',
    keyVariable: 'ANTHROPIC_API_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    defaultBaseUrl: 'https://api.anthropic.com',
  },
  openai: {
    label: 'OpenAI',
    keyVariable: 'OPENAI_API_KEY',
    baseUrlVariable: 'OPENAI_BASE_URL',
    defaultBaseUrl: 'https://api.openai.com/v1',
  },
};

/** What to tell a person whose provider has no key: where to add one. */
export function missingKeyMessage(provider: ProviderName): string {
  const { label, keyVariable } = PROVIDER_CATALOG[provider];
  return `No ${label} API key is configured: add one in Settings, or set ${keyVariable}`;
}
