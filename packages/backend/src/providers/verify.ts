import type { ProviderVerification } from '../contract/providers.js';
import { PROVIDER_CATALOG, missingKeyMessage } from './catalog.js';
import type { ProviderDriver } from './driver.js';
import { mapSdkError } from './map-sdk-error.js';
import type { ProviderClientSettings } from './provider-client.js';

const REFUSED_STATUSES: ReadonlySet<number> = new Set([401, 403]);

/** The answer when there is no key to check. */
export function noKeyVerification(driver: ProviderDriver): ProviderVerification {
  return { provider: driver.provider, ok: false, message: missingKeyMessage(driver.provider), upstream_status: null };
}

/**
 * Checks a key by listing models (free on both providers), once, without retries, and says in a
 * sentence what happened: the key works; it was refused (401/403); or it could not be checked
 * (unreachable, no answer in time, or another error status such as 429 or 529).
 */
export async function verifyKey(driver: ProviderDriver, settings: ProviderClientSettings): Promise<ProviderVerification> {
  const provider = driver.provider;
  const { label } = PROVIDER_CATALOG[provider];
  const sdk = await driver.open(settings);
  try {
    await sdk.listModels(new AbortController().signal);
    return { provider, ok: true, message: `The ${label} key works`, upstream_status: 200 };
  } catch (error) {
    const context = { ...settings, provider, errors: sdk.errors, describe: sdk.describe, attemptTimeoutMs: settings.timeoutMs };
    const mapped = mapSdkError(error, context);
    const status = typeof mapped.details.upstream_status === 'number' ? mapped.details.upstream_status : null;
    if (status !== null && REFUSED_STATUSES.has(status)) {
      return { provider, ok: false, message: `${label} refused the key: ${mapped.message}`, upstream_status: status };
    }
    const where = settings.baseUrl ?? PROVIDER_CATALOG[provider].defaultBaseUrl;
    return { provider, ok: false, message: `The key could not be checked (${where}): ${mapped.message}`, upstream_status: status };
  }
}
