import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * One-time login tokens (printed in the URL, as Jupyter does) exchanged for a session cookie.
 * A token works once; the session lasts for this launch.
 */
export class BrowserSessions {
  readonly #loginTokens = new Set<string>();
  readonly #sessions = new Set<string>();

  /** A fresh one-time token for a login URL. */
  issueLoginToken(): string {
    const token = randomBytes(24).toString('base64url');
    this.#loginTokens.add(token);
    return token;
  }

  /** Spend a login token; returns a new session id, or undefined when the token is unknown or used. */
  redeem(token: string | null): string | undefined {
    if (!token) return undefined;
    const match = [...this.#loginTokens].find((known) => safeEqual(known, token));
    if (!match) return undefined;
    this.#loginTokens.delete(match);
    const session = randomBytes(32).toString('base64url');
    this.#sessions.add(session);
    return session;
  }

  isValid(session: string | undefined): boolean {
    if (!session) return false;
    return [...this.#sessions].some((known) => safeEqual(known, session));
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Read one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
