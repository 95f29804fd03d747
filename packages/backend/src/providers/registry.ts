import { BackendError } from '../app/errors.js';
import { PROVIDERS, type ProviderInfo, type ProviderName } from '../contract/providers.js';
import { anthropicDriver } from './anthropic/driver.js';
import { PROVIDER_CATALOG, missingKeyMessage } from './catalog.js';
import { DEFAULT_MAX_RETRY_WAIT_MS, DEFAULT_MODEL_MAX_RETRIES, DEFAULT_MODEL_TIMEOUT_MS, DEFAULT_VERIFY_TIMEOUT_MS } from './defaults.js';
import type { ProviderDriver } from './driver.js';
import { openaiDriver } from './openai/driver.js';
import { pricedModels } from './prices.js';
import { createProviderClient, type ProviderClientSettings } from './provider-client.js';
import { createNodeHttpFetch } from './node-http-fetch.js';
import { fetchWithRetryWaitCap } from './retry-wait.js';
import type { ProviderClient, ProviderConnection, ProviderRegistry, ProviderRegistryOptions } from './types.js';
import { noKeyVerification, verifyKey } from './verify.js';

const DRIVERS: Readonly<Record<ProviderName, ProviderDriver>> = { anthropic: anthropicDriver, openai: openaiDriver };

function checkCount(option: string, value: number | undefined, minimum: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
    throw new TypeError(`createProviderRegistry: option "${option}" must be an integer >= ${minimum}; received ${String(value)}`);
  }
}

function noApiKey(name: ProviderName): BackendError {
  const details = { provider: name, key_variable: PROVIDER_CATALOG[name].keyVariable };
  return new BackendError('NO_API_KEY', { message: missingKeyMessage(name), details });
}

/**
 * The configured providers. Nothing is loaded here: each SDK is imported on its provider's first
 * call (or key check), so building the registry at startup costs nothing.
 * @throws TypeError naming the option for a malformed count.
 */
export function createProviderRegistry(options: ProviderRegistryOptions = {}): ProviderRegistry {
  checkCount('timeoutMs', options.timeoutMs, 1);
  checkCount('maxRetries', options.maxRetries, 0);
  checkCount('maxRetryWaitMs', options.maxRetryWaitMs, 0);
  checkCount('verifyTimeoutMs', options.verifyTimeoutMs, 1);
  const connections: Readonly<Record<ProviderName, ProviderConnection>> = { anthropic: options.anthropic ?? {}, openai: options.openai ?? {} };
  // An empty key is no key (an unset variable often arrives as "").
  const keyOf = (name: ProviderName): string | undefined => (connections[name].apiKey === '' ? undefined : connections[name].apiKey);
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  const configuredKeys = PROVIDERS.map(keyOf);
  const fetch = fetchWithRetryWaitCap(maxRetryWaitMs, createNodeHttpFetch());
  const settingsFor = (name: ProviderName, apiKey: string, call: { timeoutMs: number; maxRetries: number }): ProviderClientSettings => ({
    apiKey,
    baseUrl: connections[name].baseUrl,
    ...call,
    fetch,
    maxRetryWaitMs,
    secrets: [...configuredKeys, apiKey],
  });
  const clients = new Map<ProviderName, ProviderClient>();
  return {
    client(name) {
      const apiKey = keyOf(name);
      if (apiKey === undefined) throw noApiKey(name);
      let client = clients.get(name);
      if (client === undefined) {
        const call = { timeoutMs: options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS, maxRetries: options.maxRetries ?? DEFAULT_MODEL_MAX_RETRIES };
        client = createProviderClient(DRIVERS[name], settingsFor(name, apiKey, call));
        clients.set(name, client);
      }
      return client;
    },
    list(): ProviderInfo[] {
      return PROVIDERS.map((name) => ({
        name,
        label: PROVIDER_CATALOG[name].label,
        configured: keyOf(name) !== undefined,
        key_variable: PROVIDER_CATALOG[name].keyVariable,
        models: pricedModels(name),
      }));
    },
    async verify(name, apiKey) {
      const key = apiKey ?? keyOf(name);
      if (key === undefined) return noKeyVerification(DRIVERS[name]);
      const call = { timeoutMs: options.verifyTimeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS, maxRetries: 0 };
      return verifyKey(DRIVERS[name], settingsFor(name, key, call));
    },
  };
}
