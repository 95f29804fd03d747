import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { DESKTOP_ERROR_CODES } from '../shared/error-codes.js';
import { SESSION_HEADER } from '../shared/bridge-protocol.js';
import type { ServerAddress } from './address.js';
import { refuse } from './refuse.js';
import type { BrowserSession, BrowserSessions } from './session.js';
import { cookieValues, sessionCookieName } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session a bridge request authenticated as (set by requireSession). */
    browserSession: BrowserSession | null;
  }
}

/** A request target in origin-form (`/path?query`): not absolute-form, `*`, or `//host/...`. */
export function isOriginForm(target: string | undefined): boolean {
  return target !== undefined && target.startsWith('/') && !target.startsWith('//');
}

/** Every request: origin-form target (else 400), and a Host header naming exactly this server (else 421). */
export function checkTargetAndHost(address: () => ServerAddress): onRequestAsyncHookHandler {
  return async (request, reply) => {
    if (!isOriginForm(request.raw.url)) {
      return refuse(request, reply, 400, { code: DESKTOP_ERROR_CODES.BAD_REQUEST, message: 'The request target must be a path such as /index.html' });
    }
    if (request.headers.host !== address().authority) {
      return refuse(request, reply, 421, { code: DESKTOP_ERROR_CODES.MISDIRECTED, message: `Sentinel answers only requests for ${address().authority}` });
    }
  };
}

/**
 * Bridge requests: the exact Origin of this server. A request with no Origin at all (curl, a
 * stripped header) is refused too; browsers always send one on a POST. `Sec-Fetch-Site`, when sent,
 * must say same-origin.
 */
export function requireOrigin(address: () => ServerAddress): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const site = request.headers['sec-fetch-site'];
    if (request.headers.origin !== address().origin || (site !== undefined && site !== 'same-origin')) {
      return refuse(request, reply, 403, { code: DESKTOP_ERROR_CODES.FORBIDDEN_ORIGIN, message: 'Only Sentinel’s own page may call the bridge' });
    }
  };
}

/**
 * The session: the page secret header names it, and (unless `cookie` is false, for renewing) one of
 * the cookies sent under its name holds its current value. The cookie alone is never enough.
 */
export function requireSession(sessions: BrowserSessions, address: () => ServerAddress, options: { cookie: boolean }): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const session = sessions.bySecret(request.headers[SESSION_HEADER]);
    if (!session) {
      return refuse(request, reply, 401, {
        code: DESKTOP_ERROR_CODES.SIGNED_OUT,
        message: 'This page is not signed in to Sentinel. Open the link printed in the terminal (press Enter there for a new one).',
      });
    }
    if (options.cookie && !sessions.cookieMatches(session, cookieValues(request.headers.cookie, sessionCookieName(address().port, session.id)))) {
      return refuse(request, reply, 401, { code: DESKTOP_ERROR_CODES.SESSION_COOKIE, message: 'The session cookie is missing or was replaced; renew it' });
    }
    request.browserSession = session;
  };
}
