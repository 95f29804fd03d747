import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an unused login link works. @default 300000 (5 minutes) */
export const LOGIN_LINK_TTL_MS = 5 * 60_000;
/** Most unused login links kept at once; issuing one more forgets the oldest. @default 8 */
export const MAX_PENDING_LINKS = 8;

export interface BrowserSessionsOptions {
  /** How long an unused login link works. @default 300000 (LOGIN_LINK_TTL_MS) */
  readonly loginLinkTtlMs?: number;
  /** Most unused login links kept at once. @default 8 (MAX_PENDING_LINKS) */
  readonly maxPendingLinks?: number;
  /** The clock (tests move it instead of waiting). @default Date.now */
  readonly now?: () => number;
}

/** One signed-in browser tab: a page secret it keeps in sessionStorage, and an HttpOnly cookie. */
export interface BrowserSession {
  /** Public, random: names this session's cookie, so two tabs of one browser never share one. */
  readonly id: string;
  /** Sent by the page as a header on every bridge request; never printed, never in a URL. */
  readonly secret: string;
  /** The current cookie value; renewing replaces it. */
  cookie: string;
}

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`BrowserSessions: option "${name}" must be a positive integer, received ${String(value)}`);
  return value;
}

/**
 * One-time login links (a token in the printed link's fragment) traded once for a session: a page
 * secret plus a session cookie. An unused link expires after `loginLinkTtlMs`. Sessions last for
 * this launch.
 */
export class BrowserSessions {
  readonly #links = new Map<string, number>();
  readonly #sessions: BrowserSession[] = [];
  readonly #ttlMs: number;
  readonly #maxLinks: number;
  readonly #now: () => number;

  constructor(options: BrowserSessionsOptions = {}) {
    this.#ttlMs = positiveInteger('loginLinkTtlMs', options.loginLinkTtlMs, LOGIN_LINK_TTL_MS);
    this.#maxLinks = positiveInteger('maxPendingLinks', options.maxPendingLinks, MAX_PENDING_LINKS);
    this.#now = options.now ?? Date.now;
  }

  get loginLinkTtlMs(): number {
    return this.#ttlMs;
  }

  /** A fresh one-time token for a login link. */
  issueLoginToken(): string {
    const token = random(24);
    this.#links.set(token, this.#now() + this.#ttlMs);
    for (const oldest of this.#links.keys()) {
      if (this.#links.size <= this.#maxLinks) break;
      this.#links.delete(oldest);
    }
    return token;
  }

  /** Spend a login token: a new session, or undefined when the token is unknown, used or expired. */
  redeem(token: unknown): BrowserSession | undefined {
    if (typeof token !== 'string' || token.length === 0) return undefined;
    const match = [...this.#links.keys()].find((known) => safeEqual(known, token));
    if (match === undefined) return undefined;
    const expiresAt = this.#links.get(match)!;
    this.#links.delete(match);
    if (this.#now() > expiresAt) return undefined;
    const session: BrowserSession = { id: random(6), secret: random(32), cookie: random(32) };
    this.#sessions.push(session);
    return session;
  }

  /** The session a page secret belongs to. */
  bySecret(secret: unknown): BrowserSession | undefined {
    if (typeof secret !== 'string' || secret.length === 0) return undefined;
    return this.#sessions.find((session) => safeEqual(session.secret, secret));
  }

  /** Whether one of the cookie values the browser sent under the session's name is the current one. */
  cookieMatches(session: BrowserSession, values: readonly string[]): boolean {
    return values.some((value) => safeEqual(session.cookie, value));
  }

  /** A new cookie value for a session (the old one stops working). */
  renewCookie(session: BrowserSession): string {
    session.cookie = random(32);
    return session.cookie;
  }
}
