import { CALL_PATH_PREFIX, EVENTS_PATH } from '../../shared/bridge-protocol.js';
import { DESKTOP_ERROR_CODES } from '../../shared/error-codes.js';
import type { BridgeErrorBody } from '../../shared/types.js';
import type { WorkspaceEvent } from '../../shared/workspace-bridge.js';
import type { BridgeTransport } from '../app/bridge/create-bridge.js';
import { BridgeCallError } from './bridge-call-error.js';
import { errorOf, PageSession } from './page-session.js';
import { readEventStream } from './sse-frames.js';

/**
 * Largest body sent with `keepalive`: browsers refuse (fail) a keepalive request once the bodies of
 * those in flight pass 64 KiB. A bigger draft is sent normally (a reload right after typing could
 * then cut it; the draft written 300 ms after the last keystroke is safe either way).
 */
const KEEPALIVE_MAX_BYTES = 60 * 1024;
/** Wait before reopening a dropped event stream (what EventSource would do). */
const STREAM_RETRY_MS = 1_000;
const STOPPED: WorkspaceEvent = { type: 'connection', status: { phase: 'stopped' } };
/** Errors after which reopening the stream cannot help: the page needs a new login link. */
const FINAL_CODES: ReadonlySet<string> = new Set([DESKTOP_ERROR_CODES.SIGNED_OUT, DESKTOP_ERROR_CODES.LOGIN_LINK, DESKTOP_ERROR_CODES.FORBIDDEN_ORIGIN]);

/**
 * Browser mode's transport: each named function is POST /bridge/<name> `{ args }`; a draft write is
 * sent with `keepalive`, so one made while the page unloads (at pagehide, after the last keystroke)
 * still reaches Sentinel and is not cancelled with the page. Events come over a fetch-streamed `text/event-stream` (POST /bridge/events), because
 * EventSource cannot send the page-secret header and cannot tell a 401 from a dropped connection.
 */
export function httpTransport(): BridgeTransport {
  const session = new PageSession();

  const call: BridgeTransport['call'] = async (method, args) => {
    const body = JSON.stringify({ args });
    const keepalive = method === 'saveDraft' && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES;
    const response = await session.send(CALL_PATH_PREFIX + method, { body, keepalive });
    if (!response.ok) throw new BridgeCallError(await errorOf(response));
    const answer = (await response.json()) as { value: unknown } | { error: BridgeErrorBody };
    if ('error' in answer) throw new BridgeCallError(answer.error);
    return answer.value;
  };

  const onEvent: BridgeTransport['onEvent'] = (listener) => {
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
            await readEventStream(response.body, (data) => listener(JSON.parse(data) as WorkspaceEvent));
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
