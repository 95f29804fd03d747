/** The `fetch` the SDKs accept as their `fetch` option. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * How long a response asks the client to wait before retrying, read as both SDKs read it:
 * `retry-after-ms` (milliseconds), else `retry-after` (seconds, or an HTTP date). Null without one.
 */
export function retryAfterMs(headers: Headers | undefined): number | null {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis > 0) return millis;
  const raw = headers?.get('retry-after');
  if (raw === null || raw === undefined || raw === '') return null;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * A `fetch` for the SDKs that keeps them from waiting longer than `maxWaitMs` before a retry: an
 * error response asking for a longer wait gets `x-should-retry: false` (which both SDKs obey), so
 * the error is answered at once instead of after an hour's sleep (OpenAI's SDK sleeps whatever
 * `retry-after` says, and its sleep cannot be cancelled).
 */
export function fetchWithRetryWaitCap(maxWaitMs: number, inner: FetchFunction = (input, init) => fetch(input, init)): FetchFunction {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok) return response;
    const wait = retryAfterMs(response.headers);
    if (wait === null || wait <= maxWaitMs || response.headers.get('x-should-retry') === 'false') return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
