import { join } from 'node:path';
import { PROVIDERS, type ProviderName } from '@sentinel/backend/contract';
import type { ProviderKeyView } from '../shared/workspace-types.js';
import { maskApiKey } from './mask.js';
import { FileSecretStore, type SecretCodec, type SecretStore } from './secret-store.js';

/** The backend's environment variable for each provider's key (the SDKs' own names). */
export const PROVIDER_KEY_VARIABLES: Readonly<Record<ProviderName, string>> = {
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY',
};

/** How a provider is named to a person. */
export const PROVIDER_LABELS: Readonly<Record<ProviderName, string>> = { anthropic: 'Anthropic', openai: 'OpenAI' };

/** One secret store per provider. */
export type ProviderKeyStores = Readonly<Record<ProviderName, SecretStore>>;

/**
 * A key file per provider in `dir`: `anthropic-api-key.enc` / `openai-api-key.enc` (encrypted,
 * Electron) or `.txt` (browser mode), each written atomically with mode 0600.
 */
export function providerKeyStores(dir: string, codec: SecretCodec): ProviderKeyStores {
  const extension = codec.kind === 'encrypted' ? 'enc' : 'txt';
  const store = (provider: ProviderName): SecretStore => new FileSecretStore(join(dir, `${provider}-api-key.${extension}`), codec);
  return { anthropic: store('anthropic'), openai: store('openai') };
}

/** The provider keys the host holds in memory (loaded once, changed only through these methods). */
export class ProviderKeys {
  readonly #stores: ProviderKeyStores;
  readonly #keys = new Map<ProviderName, string>();

  constructor(stores: ProviderKeyStores) {
    this.#stores = stores;
  }

  /** How keys are kept: 'encrypted' (Electron safeStorage) or 'plaintext-file' (browser mode). */
  get storage(): SecretStore['kind'] {
    return this.#stores.anthropic.kind;
  }

  /** Read every stored key; one that cannot be read (or decrypted) counts as absent. */
  async load(): Promise<void> {
    for (const provider of PROVIDERS) {
      const key = await this.#stores[provider].read().catch(() => undefined);
      if (key === undefined) this.#keys.delete(provider);
      else this.#keys.set(provider, key);
    }
  }

  get(provider: ProviderName): string | undefined {
    return this.#keys.get(provider);
  }

  async save(provider: ProviderName, key: string): Promise<void> {
    await this.#stores[provider].write(key);
    this.#keys.set(provider, key);
  }

  async remove(provider: ProviderName): Promise<void> {
    await this.#stores[provider].remove();
    this.#keys.delete(provider);
  }

  /** The backend's key variables: each stored key, and '' for the others (so none leaks in from the host's own environment). */
  environment(): Record<string, string> {
    return Object.fromEntries(PROVIDERS.map((provider) => [PROVIDER_KEY_VARIABLES[provider], this.#keys.get(provider) ?? '']));
  }

  /** What the renderer may see: whether a key is stored, and masked. */
  views(): ProviderKeyView[] {
    return PROVIDERS.map((provider) => {
      const key = this.#keys.get(provider);
      return { provider, configured: key !== undefined, masked_key: key === undefined ? null : maskApiKey(key) };
    });
  }
}
