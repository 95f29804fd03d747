import type { ProviderName } from '../contract/providers.js';
import { withCallBounds } from './call-bounds.js';
import type { DriverSettings, ProviderDriver, SdkSession } from './driver.js';
import { mapSdkError } from './map-sdk-error.js';
import { withoutUnsupportedParameters } from './model-limits.js';
import type { ProviderClient } from './types.js';

/** What a client needs besides its driver. */
export interface ProviderClientSettings extends DriverSettings {
  /** Every key to scrub from messages (both providers'). */
  readonly secrets: readonly (string | undefined)[];
  readonly maxRetryWaitMs: number;
}

function checkProvider(expected: ProviderName, received: string): void {
  if (received !== expected) throw new TypeError(`A request for provider "${received}" was sent to the ${expected} client`);
}

/**
 * A {@link ProviderClient} over a driver: the SDK is opened on the first call (and again after a
 * failed import), parameters the model does not take are left out (and said so in `notes`), the
 * call is bounded by the caller's signal and deadline, and SDK errors become `BackendError`s.
 */
export function createProviderClient(driver: ProviderDriver, settings: ProviderClientSettings): ProviderClient {
  let session: Promise<SdkSession> | undefined;
  const open = (): Promise<SdkSession> => {
    session ??= driver.open(settings).catch((error: unknown) => {
      session = undefined;
      throw error;
    });
    return session;
  };
  return {
    async load() {
      await open();
    },
    complete(request, options = {}) {
      checkProvider(driver.provider, request.provider);
      const { request: sent, notes } = withoutUnsupportedParameters(request);
      return withCallBounds(driver.provider, options, async (signal) => {
        const sdk = await open();
        try {
          const answer = await sdk.complete(sent, signal);
          return notes.length === 0 ? answer : { ...answer, notes };
        } catch (error) {
          const context = { ...settings, provider: driver.provider, errors: sdk.errors, describe: sdk.describe, attemptTimeoutMs: settings.timeoutMs };
          throw mapSdkError(error, context);
        }
      });
    },
  };
}
