import type { ProviderDriver, SdkSession } from '../driver.js';
import type { SdkApiError, UpstreamDetail } from '../map-sdk-error.js';
import { fromChatCompletion } from './answer.js';
import { toChatParams } from './request.js';

/** OpenAI's error body is `{ error: { message, type, param, code } }`; the SDK keeps its `error` member. */
function describe(error: SdkApiError): UpstreamDetail {
  const body = error.error as { message?: unknown; type?: unknown; code?: unknown } | undefined;
  const code = typeof body?.code === 'string' ? body.code : null;
  const type = code ?? (typeof body?.type === 'string' ? body.type : null);
  const message = typeof body?.message === 'string' ? body.message : error.message;
  return { type, message };
}

/**
 * The official `openai` SDK (Chat Completions), imported on the first call, like Anthropic's: a
 * backend that only answers /health must not pay for evaluating it.
 */
export const openaiDriver: ProviderDriver = {
  provider: 'openai',
  async open(settings): Promise<SdkSession> {
    const sdk = await import('openai');
    // Everything explicit (null: never read OPENAI_BASE_URL, OPENAI_ADMIN_KEY, OPENAI_ORG_ID or OPENAI_PROJECT_ID).
    const client = new sdk.default({
      apiKey: settings.apiKey,
      adminAPIKey: null,
      baseURL: settings.baseUrl ?? null,
      organization: null,
      project: null,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      fetch: settings.fetch,
      logLevel: 'off',
    });
    return {
      errors: sdk,
      describe,
      async complete(request, signal) {
        return fromChatCompletion(await client.chat.completions.create(toChatParams(request), { signal }));
      },
      async listModels(signal) {
        await client.models.list({ signal });
      },
    };
  },
};
