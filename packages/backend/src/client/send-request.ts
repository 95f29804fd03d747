import pRetry from 'p-retry';
import { startDeadline, type Deadline } from './deadline.js';
import { BackendHttpError, BackendUnavailableError, RunInterruptedError } from './errors.js';

/** How the client reaches the backend; shared by every request. */
export interface Transport {
  readonly resolveBaseUrl: () => Promise<string | undefined>;
  readonly resolveToken: () => Promise<string | undefined>;
  readonly whenConnected: (() => Promise<void>) | undefined;
  readonly fetch: typeof globalThis.fetch;
}

/** One request: idempotent ones retry once after a connection failure; others never resend a sent request. */
export interface RequestPlan {
  readonly what: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as is, as `application/yaml` (instead of `body`). */
  readonly yaml?: string;
  readonly idempotent: boolean;
  readonly timeoutMs: number;
  /** Resolve with the text and headers of the answer instead of its parsed JSON. @default false */
  readonly rawAnswer?: boolean;
  /**
   * The error for a non-idempotent request that may have reached the backend before it stopped.
   * @default RunInterruptedError
   */
  readonly interrupted?: (cause: unknown) => Error;
}

/** The text of a 2xx answer and its headers (`rawAnswer` requests). */
export interface RawAnswer {
  readonly text: string;
  readonly headers: Headers;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  readonly headers: Headers;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EADDRNOTAVAIL', 'NO_BASE_URL']);

/** Whether a fetch failure proves the request never reached the server (so resending is safe). */
export function neverSent(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  return typeof code === 'string' && NOT_SENT_CODES.has(code);
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}

async function attempt(transport: Transport, plan: RequestPlan, deadline: Deadline): Promise<Answer> {
  if (transport.whenConnected !== undefined) await deadline.race(transport.whenConnected());
  const baseUrl = await deadline.race(transport.resolveBaseUrl());
  if (baseUrl === undefined) throw Object.assign(new Error('No backend URL is known yet'), { code: 'NO_BASE_URL' });
  const token = await transport.resolveToken();
  const headers: Record<string, string> = { accept: plan.rawAnswer === true ? '*/*' : 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (plan.body !== undefined) headers['content-type'] = 'application/json';
  if (plan.yaml !== undefined) headers['content-type'] = 'application/yaml; charset=utf-8';
  const init: RequestInit = { method: plan.method, headers, signal: deadline.signal };
  if (plan.body !== undefined) init.body = JSON.stringify(plan.body);
  if (plan.yaml !== undefined) init.body = plan.yaml;
  const response = await transport.fetch(`${baseUrl.replace(/\/+$/, '')}${plan.path}`, init);
  const text = await response.text();
  return { status: response.status, body: parseBody(text), text, headers: response.headers };
}

/** The client's error for a non-2xx answer `{ error: { code, message, ...details } }`. */
export function httpError(answer: { readonly status: number; readonly body: unknown }): BackendHttpError {
  const error = (answer.body as { error?: Record<string, unknown> } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${answer.status}`;
  const message = typeof error?.message === 'string' ? error.message : `The backend answered ${answer.status}`;
  const { code: _code, message: _message, ...details } = error ?? {};
  return new BackendHttpError(answer.status, code, message, details);
}

/**
 * One attempt, its failure turned into the client's error: BackendTimeoutError when the deadline passed,
 * RunInterruptedError when a non-idempotent request may have reached the backend, BackendUnavailableError
 * when resending is safe, BackendHttpError for a non-2xx answer.
 */
async function attemptOnce(transport: Transport, plan: RequestPlan, deadline: Deadline): Promise<unknown> {
  let answer: Answer;
  try {
    answer = await attempt(transport, plan, deadline);
  } catch (error) {
    if (deadline.signal.aborted) throw deadline.error(error);
    if (!plan.idempotent && !neverSent(error)) throw (plan.interrupted ?? ((cause) => new RunInterruptedError(cause)))(error);
    throw new BackendUnavailableError(`${plan.what} failed: the backend is not reachable`, error);
  }
  if (answer.status < 200 || answer.status >= 300) throw httpError(answer);
  return plan.rawAnswer === true ? ({ text: answer.text, headers: answer.headers } satisfies RawAnswer) : answer.body;
}

/**
 * The retry policy: only a connection failure that is safe to resend (any GET; an execute refused before
 * sending) or a 503 to a GET is retried. Timeouts, interrupted executes and other answers never are.
 */
function retryable(error: Error, plan: RequestPlan): boolean {
  if (error instanceof BackendUnavailableError) return true;
  return plan.idempotent && error instanceof BackendHttpError && error.status === 503;
}

/**
 * Sends one request under one deadline, with p-retry: at most one immediate retry, and the deadline's
 * signal stops retrying. `whenConnected` is awaited inside each attempt (before the first one too), not
 * in p-retry's `onFailedAttempt`, which would also run for errors that are not retried.
 * Resolves with the JSON body of a 2xx answer; rejects with the last attempt's error.
 */
export async function sendRequest(transport: Transport, plan: RequestPlan): Promise<unknown> {
  const deadline = startDeadline(plan.what, plan.timeoutMs);
  try {
    return await pRetry(() => attemptOnce(transport, plan, deadline), {
      retries: 1,
      minTimeout: 0,
      factor: 1,
      shouldRetry: ({ error }) => retryable(error, plan),
      signal: deadline.signal,
    });
  } finally {
    deadline.clear();
  }
}
