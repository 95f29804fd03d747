import type { SuiteRunEvent } from '../contract/suite-run.js';
import { BackendHttpError, BackendUnavailableError } from './errors.js';
import { segment } from './request-context.js';
import { httpError, type Transport } from './send-request.js';
import { SseParser } from './sse-parser.js';

/** How long to keep reconnecting a dropped event stream before giving up. */
export const DEFAULT_RECONNECT_TIMEOUT_MS = 60_000;
/** A stream silent this long (no event, no heartbeat: the backend sends one every 15 s) is taken as dead. */
export const DEFAULT_STALE_STREAM_MS = 45_000;
/** First wait before a reconnect when no `whenConnected` is given; doubles up to {@link MAX_RECONNECT_DELAY_MS}. */
export const RECONNECT_DELAY_MS = 100;
export const MAX_RECONNECT_DELAY_MS = 2_000;

/** Options of `watchSuiteRun`. */
export interface WatchSuiteRunOptions {
  /** Stops watching: the iteration ends quietly. @default undefined */
  readonly signal?: AbortSignal;
  /**
   * How long to keep trying after the stream dropped (a backend restarting) with no successful
   * reconnection; then the iteration throws BackendUnavailableError. @default DEFAULT_RECONNECT_TIMEOUT_MS (60 000)
   */
  readonly reconnectTimeoutMs?: number;
  /** A stream with nothing received for this long is dropped and reconnected. @default DEFAULT_STALE_STREAM_MS (45 000) */
  readonly staleAfterMs?: number;
}

const wait = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One connection: the events it carries until it ends, drops, or falls silent. */
async function* connectOnce(transport: Transport, id: string, staleAfterMs: number, outer: AbortSignal | undefined, onOpen: () => void): AsyncGenerator<SuiteRunEvent> {
  const baseUrl = await transport.resolveBaseUrl();
  if (baseUrl === undefined) throw new BackendUnavailableError('No backend URL is known yet');
  const token = await transport.resolveToken();
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  outer?.addEventListener('abort', abort, { once: true });
  let stale: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(stale);
    stale = setTimeout(abort, staleAfterMs);
  };
  try {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    arm();
    const response = await transport.fetch(`${baseUrl.replace(/\/+$/, '')}/api/suite-runs/${segment(id)}/events`, { headers, signal: controller.signal });
    if (!response.ok || response.body === null) {
      throw httpError({ status: response.status, body: parseJson(await response.text()) });
    }
    onOpen();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      arm();
      const { done, value } = await reader.read();
      if (done) return;
      for (const event of parser.feed(decoder.decode(value, { stream: true }))) yield JSON.parse(event.data) as SuiteRunEvent;
    }
  } finally {
    clearTimeout(stale);
    outer?.removeEventListener('abort', abort);
    controller.abort();
  }
}

/**
 * A suite run's events over fetch streaming (Node and browsers). The reconnect rule: a stream that
 * drops or falls silent before `end` is reconnected (after 100 ms, doubling to 2 s, and then
 * `whenConnected` when the client has one) for as long as `reconnectTimeoutMs` has not passed since it
 * was lost; each new connection starts with a fresh `snapshot`. An HTTP error answer other than
 * 503 (e.g. 404 SUITE_RUN_NOT_FOUND, 401) is thrown at once.
 */
export async function* watchSuiteRunEvents(transport: Transport, id: string, options: WatchSuiteRunOptions = {}): AsyncGenerator<SuiteRunEvent> {
  const { signal } = options;
  const reconnectTimeoutMs = options.reconnectTimeoutMs ?? DEFAULT_RECONNECT_TIMEOUT_MS;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_STREAM_MS;
  let lostAt: number | undefined;
  let delay = RECONNECT_DELAY_MS;
  let lastError: unknown;
  const stopped = (): boolean => signal?.aborted === true;
  while (!stopped()) {
    try {
      for await (const event of connectOnce(transport, id, staleAfterMs, signal, () => ((lostAt = undefined), (delay = RECONNECT_DELAY_MS)))) {
        yield event;
        if (event.type === 'end') return;
      }
    } catch (error) {
      if (error instanceof BackendHttpError && error.status !== 503) throw error;
      lastError = error;
    }
    if (stopped()) return;
    lostAt ??= Date.now();
    const left = reconnectTimeoutMs - (Date.now() - lostAt);
    if (left <= 0) throw new BackendUnavailableError(`The event stream of suite run ${id} could not be reconnected within ${reconnectTimeoutMs} ms`, lastError);
    await wait(Math.min(delay, left), signal);
    if (transport.whenConnected !== undefined) await Promise.race([transport.whenConnected(), wait(left, signal)]);
    delay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
  }
}
