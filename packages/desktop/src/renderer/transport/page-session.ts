import { LOGIN_PATH, RENEW_PATH, SECRET_STORAGE_KEY, SESSION_HEADER, SESSION_PATH } from '../../shared/bridge-protocol.js';
import { DESKTOP_ERROR_CODES } from '../../shared/error-codes.js';
import type { BridgeErrorBody } from '../../shared/types.js';
import { BridgeCallError } from './bridge-call-error.js';

const UNREACHABLE: BridgeErrorBody = {
  code: DESKTOP_ERROR_CODES.HOST_UNREACHABLE,
  message: 'Sentinel itself is not running any more. Start it again with npm start.',
};
const SIGNED_OUT: BridgeErrorBody = {
  code: DESKTOP_ERROR_CODES.SIGNED_OUT,
  message: 'This page is not signed in to Sentinel. Open the link printed in the terminal (press Enter there for a new one).',
};

/** What a bridge request may carry: a JSON body, a signal, and `keepalive` (sent even while the page unloads). */
export interface RequestOptions {
  readonly body?: string;
  readonly signal?: AbortSignal;
  /** The browser finishes the request after the page is gone (bodies up to 64 KiB). @default false */
  readonly keepalive?: boolean;
}

/** The error body of a failed answer (or a plain description when it is not one). */
export async function errorOf(response: Response): Promise<BridgeErrorBody> {
  const body = (await response.json().catch(() => undefined)) as { error?: BridgeErrorBody } | undefined;
  return body?.error ?? { code: DESKTOP_ERROR_CODES.BACKEND, message: `Sentinel answered HTTP ${response.status}` };
}

/**
 * Browser mode's sign-in, from the page's side. On `/login#<token>` the token leaves the address
 * bar at once and is traded (POST /session) for the page secret, kept in sessionStorage: it lives
 * as long as the tab, survives reloads and is readable by this origin only. Every request carries it
 * as a header; the browser adds the HttpOnly cookie. When the cookie was replaced or evicted by a
 * page on another port, `send` renews it with the secret and retries once.
 */
export class PageSession {
  readonly #signedIn: Promise<BridgeErrorBody | undefined>;
  #renewing: Promise<void> | undefined;

  constructor() {
    const token = location.pathname === LOGIN_PATH ? location.hash.slice(1) : '';
    if (location.pathname === LOGIN_PATH) history.replaceState(null, '', '/');
    this.#signedIn = token ? this.#exchange(token) : Promise.resolve(undefined);
  }

  /** POST to the bridge with the page secret; renews the cookie once if it was replaced. */
  async send(path: string, init: RequestOptions = {}): Promise<Response> {
    const first = await this.#post(path, init);
    if (first.status !== 401) return first;
    const error = await errorOf(first.clone());
    if (error.code !== DESKTOP_ERROR_CODES.SESSION_COOKIE) return first;
    await this.#renew();
    return this.#post(path, init);
  }

  async #post(path: string, init: RequestOptions): Promise<Response> {
    const problem = await this.#signedIn;
    const secret = sessionStorage.getItem(SECRET_STORAGE_KEY);
    if (secret === null) throw new BridgeCallError(problem ?? SIGNED_OUT);
    const headers: Record<string, string> = { [SESSION_HEADER]: secret };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(path, { method: 'POST', headers, credentials: 'same-origin', cache: 'no-store', ...init });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new BridgeCallError(UNREACHABLE);
    }
  }

  /** One renewal at a time, however many requests found the cookie gone. */
  #renew(): Promise<void> {
    this.#renewing ??= this.#post(RENEW_PATH, {})
      .then(async (response) => {
        if (!response.ok) throw new BridgeCallError(await errorOf(response));
      })
      .finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  /** Trade the link's one-time token; a tab that is already signed in keeps its session if that fails. */
  async #exchange(token: string): Promise<BridgeErrorBody | undefined> {
    let response: Response;
    try {
      response = await fetch(SESSION_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }), credentials: 'same-origin', cache: 'no-store' });
    } catch {
      return UNREACHABLE;
    }
    if (!response.ok) return errorOf(response);
    const { secret } = (await response.json()) as { secret: string };
    sessionStorage.setItem(SECRET_STORAGE_KEY, secret);
    return undefined;
  }
}
