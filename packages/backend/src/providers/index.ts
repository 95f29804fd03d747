/**
 * The model providers: one client per provider (Anthropic's Messages API, OpenAI's Chat
 * Completions), their key checks, which parameters each model takes, and the price table.
 */
export { createProviderRegistry } from './registry.js';
export type { CompleteOptions, ProviderClient, ProviderConnection, ProviderRegistry, ProviderRegistryOptions } from './types.js';
export { DEFAULT_MAX_RETRY_WAIT_MS, DEFAULT_MODEL_MAX_RETRIES, DEFAULT_MODEL_TIMEOUT_MS, DEFAULT_VERIFY_TIMEOUT_MS } from './defaults.js';
export { PROVIDER_CATALOG, missingKeyMessage, type ProviderDescription } from './catalog.js';
export { unsupportedParameters, withoutUnsupportedParameters, type OptionalParameter } from './model-limits.js';
export { PRICES_READ_ON, PRICE_SOURCES, PRICE_TABLE, estimateCostUsd, findModelPrice, pricedModels, type ModelPrice, type TierPrice } from './prices.js';
