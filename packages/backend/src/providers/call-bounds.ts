import { BackendError } from '../app/errors.js';
import type { ProviderName } from '../contract/providers.js';
import { PROVIDER_CATALOG } from './catalog.js';
import type { CompleteOptions } from './types.js';

function cancelled(provider: ProviderName, reason: unknown): BackendError {
  if (reason instanceof BackendError) return reason;
  const message = `The ${PROVIDER_CATALOG[provider].label} call was cancelled because the backend is stopping`;
  return new BackendError('SHUTTING_DOWN', { message, details: { provider }, cause: reason });
}

function deadlinePassed(provider: ProviderName, timeoutMs: number): BackendError {
  const message = `${PROVIDER_CATALOG[provider].label} did not answer within ${timeoutMs} ms (the call's timeout_ms)`;
  return new BackendError('UPSTREAM_TIMEOUT', { message, details: { provider } });
}

/**
 * Runs one model call under the caller's signal and its whole-call deadline. The call gets a
 * signal that aborts on either, and the answer is settled at that moment: a call stuck in an SDK's
 * retry sleep (OpenAI's cannot be interrupted) does not hold the caller until the sleep ends.
 */
export async function withCallBounds<T>(provider: ProviderName, options: CompleteOptions, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted === true) throw cancelled(provider, signal.reason);
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(cancelled(provider, signal?.reason));
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(deadlinePassed(provider, timeoutMs)), timeoutMs);
  const stopped = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as BackendError), { once: true });
  });
  try {
    const answer = call(controller.signal);
    // Once the bound has answered, the SDK's own (abort) rejection has no one left to tell.
    answer.catch(() => undefined);
    return await Promise.race([answer, stopped]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}
