import { CALL_PATH_PREFIX, EVENTS_PATH } from '../../shared/bridge-protocol.js';
import { DESKTOP_ERROR_CODES } from '../../shared/error-codes.js';
import type { BridgeErrorBody, BridgeMethod, HostEvent } from '../../shared/types.js';
import { BridgeCallError } from './bridge-call-error.js';
import { errorOf, PageSession } from './page-session.js';
import { readEventStream } from './sse-frames.js';

/** Wait before reopening a dropped event stream (what EventSource would do). */
const STREAM_RETRY_MS = 1_000;
const STOPPED: HostEvent = { type: 'connection', status: { phase: 'stopped' } };
/** Errors after which reopening the stream cannot help: the page needs a new login link. */
const FINAL_CODES: ReadonlySet<string> = new Set([DESKTOP_ERROR_CODES.SIGNED_OUT, DESKTOP_ERROR_CODES.LOGIN_LINK, DESKTOP_ERROR_CODES.FORBIDDEN_ORIGIN]);

/**
 * Browser mode's transport: each named function is POST /bridge/<name> `{ args }`; events come
 * over a fetch-streamed `text/event-stream` (POST /bridge/events), because EventSource cannot send
 * the page-secret header and cannot tell a 401 from a dropped connection.
 */
export function httpTransport(): {
  call: (method: BridgeMethod, args: unknown[]) => Promise<unknown>;
  onEvent: (listener: (event: HostEvent) => void) => () => void;
} {
  const session = new PageSession();

  const call = async (method: BridgeMethod, args: unknown[]): Promise<unknown> => {
    const response = await session.send(CALL_PATH_PREFIX + method, { body: JSON.stringify({ args }) });
    if (!response.ok) throw new BridgeCallError(await errorOf(response));
    const body = (await response.json()) as { value: unknown } | { error: BridgeErrorBody };
    if ('error' in body) throw new BridgeCallError(body.error);
    return body.value;
  };

  const onEvent = (listener: (event: HostEvent) => void): (() => void) => {
    const abort = new AbortController();
    const stream = async (): Promise<void> => {
      let announced = false;
      while (!abort.signal.aborted) {
        try {
          const response = await session.send(EVENTS_PATH, { signal: abort.signal });
          if (!response.ok || !response.body) {
            if (FINAL_CODES.has((await errorOf(response)).code)) return;
          } else {
            announced = false;
            await readEventStream(response.body, (data) => listener(JSON.parse(data) as HostEvent));
          }
        } catch (error) {
          if (abort.signal.aborted || (error instanceof BridgeCallError && FINAL_CODES.has(error.code))) return;
        }
        if (abort.signal.aborted) return;
        // Sentinel itself went away (Ctrl-C, crash): say so once instead of showing a stale state.
        if (!announced) listener(STOPPED);
        announced = true;
        await new Promise((resolve) => setTimeout(resolve, STREAM_RETRY_MS));
      }
    };
    void stream();
    return () => abort.abort();
  };

  return { call, onEvent };
}
