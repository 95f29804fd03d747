import type * as AnthropicSdk from '@anthropic-ai/sdk';
import { BackendError } from '../app/errors.js';
import { scrubSecrets } from './scrub-secrets.js';

/** The SDK's error classes (passed in, since the SDK itself is loaded lazily). */
export type SdkErrorClasses = Pick<typeof AnthropicSdk, 'APIConnectionError' | 'APIConnectionTimeoutError' | 'APIError' | 'APIUserAbortError'>;
type APIError = AnthropicSdk.APIError;

/** Upstream statuses that mean "the provider ran out of time" and so map to 504. */
const TIMEOUT_STATUSES: ReadonlySet<number> = new Set([408, 504]);

function upstreamDetail(error: APIError): { type: string | null; message: string } {
  const body = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
  const type = typeof body?.error?.type === 'string' ? body.error.type : null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : error.message;
  return { type, message };
}

/**
 * Maps an `@anthropic-ai/sdk` error to the backend's answer: timeouts to 504 `UPSTREAM_TIMEOUT`,
 * unreachable to 502 `UPSTREAM_UNREACHABLE`, any HTTP error to 502 `UPSTREAM_ERROR` (or 504 for
 * 408/504), carrying `upstream_status`, `upstream_type` and the provider's message.
 */
export function mapUpstreamError(error: unknown, sdk: SdkErrorClasses, secrets: readonly (string | undefined)[]): BackendError {
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk;
  if (error instanceof APIUserAbortError) {
    return new BackendError('SHUTTING_DOWN', { message: 'The model call was cancelled because the backend is stopping', cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new BackendError('UPSTREAM_TIMEOUT', { message: 'The model provider did not answer in time', cause: error });
  }
  if (error instanceof APIConnectionError) {
    const message = `The model provider could not be reached: ${scrubSecrets(error.message, secrets)}`;
    return new BackendError('UPSTREAM_UNREACHABLE', { message, cause: error });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const { type, message } = upstreamDetail(error);
    const code = TIMEOUT_STATUSES.has(error.status) ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_ERROR';
    const text = `The model provider answered ${error.status}${type === null ? '' : ` ${type}`}: ${scrubSecrets(message, secrets)}`;
    return new BackendError(code, { message: text, details: { upstream_status: error.status, upstream_type: type }, cause: error });
  }
  return new BackendError('INTERNAL_ERROR', { message: 'The model call failed unexpectedly', cause: error });
}
