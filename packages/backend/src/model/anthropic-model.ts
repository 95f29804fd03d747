import type Anthropic from '@anthropic-ai/sdk';
import { mapUpstreamError, type SdkErrorClasses } from './map-upstream-error.js';
import type { ModelAnswer, ModelClient, ModelRequest } from './types.js';
import { DEFAULT_MODEL_MAX_RETRIES, DEFAULT_MODEL_TIMEOUT_MS } from '../providers/defaults.js';

export { DEFAULT_MODEL_MAX_RETRIES, DEFAULT_MODEL_TIMEOUT_MS };

/** Options of {@link createAnthropicModel}. */
export interface AnthropicModelOptions {
  /** The Anthropic API key. */
  readonly apiKey: string;
  /** API base URL, e.g. a local stub in tests. @default 'https://api.anthropic.com' */
  readonly baseUrl?: string;
  /** Per-attempt timeout in milliseconds. @default DEFAULT_MODEL_TIMEOUT_MS (60 000) */
  readonly timeoutMs?: number;
  /** Retries after the first attempt. @default DEFAULT_MODEL_MAX_RETRIES (1) */
  readonly maxRetries?: number;
}

interface LoadedSdk {
  readonly client: Anthropic;
  readonly errors: SdkErrorClasses;
}

/**
 * Loads the SDK on first use: it is over a third of the bundle, and a backend that only answers
 * /health (or has no key yet) should not pay for evaluating it at startup.
 */
async function loadSdk(options: AnthropicModelOptions): Promise<LoadedSdk> {
  const sdk = await import('@anthropic-ai/sdk');
  const client = new sdk.default({
    apiKey: options.apiKey,
    authToken: null,
    baseURL: options.baseUrl ?? null,
    timeout: options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MODEL_MAX_RETRIES,
    logLevel: 'off',
  });
  return { client, errors: sdk };
}

/** A {@link ModelClient} over `@anthropic-ai/sdk`'s Messages API. */
export function createAnthropicModel(options: AnthropicModelOptions): ModelClient {
  let loading: Promise<LoadedSdk> | undefined;
  return {
    async complete(request: ModelRequest): Promise<ModelAnswer> {
      loading ??= loadSdk(options);
      const { client, errors } = await loading;
      try {
        const message = await client.messages.create(
          {
            model: request.model,
            max_tokens: request.maxTokens,
            messages: [{ role: 'user', content: request.query }],
            ...(request.system === undefined ? {} : { system: request.system }),
            ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          },
          request.signal === undefined ? {} : { signal: request.signal },
        );
        const output = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
        const usage = { input_tokens: message.usage.input_tokens, output_tokens: message.usage.output_tokens };
        return { output, model: message.model, stopReason: message.stop_reason ?? null, usage };
      } catch (error) {
        throw mapUpstreamError(error, errors, [options.apiKey]);
      }
    },
  };
}
