import type { ProviderDriver, SdkSession } from '../driver.js';
import type { SdkApiError, UpstreamDetail } from '../map-sdk-error.js';
import { fromMessage } from './answer.js';
import { toMessageParams } from './request.js';

/** Anthropic's error body: `{ type: 'error', error: { type, message }, request_id }`. */
function describe(error: SdkApiError): UpstreamDetail {
  const body = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
  const type = typeof body?.error?.type === 'string' ? body.error.type : null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : error.message;
  return { type, message };
}

/**
 * `@anthropic-ai/sdk` (Messages API), imported on the first call: evaluating it costs more than
 * the rest of the backend's startup, and a backend that only answers /health must not pay for it.
 * The client is the SDK's `BaseAnthropic` with the two resources called (see ./sdk.ts).
 */
export const anthropicDriver: ProviderDriver = {
  provider: 'anthropic',
  async open(settings): Promise<SdkSession> {
    const sdk = await import('./sdk.js');
    // The key, the endpoint and logging are given explicitly (null: never read from the environment).
    const client = new sdk.BaseAnthropic({
      apiKey: settings.apiKey,
      authToken: null,
      baseURL: settings.baseUrl ?? null,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      fetch: settings.fetch,
      logLevel: 'off',
      openTelemetry: false,
    });
    const messages = new sdk.Messages(client);
    const models = new sdk.Models(client);
    return {
      errors: sdk,
      describe,
      async complete(request, signal) {
        return fromMessage(await messages.create(toMessageParams(request), { signal }));
      },
      async listModels(signal) {
        await models.list({ limit: 1 }, { signal });
      },
    };
  },
};
