import type { FastifyInstance } from 'fastify';
import { RENEW_PATH, SESSION_PATH } from '../shared/bridge-protocol.js';
import { DESKTOP_ERROR_CODES } from '../shared/error-codes.js';
import type { ServerAddress } from './address.js';
import { requireOrigin, requireSession } from './guards.js';
import { refuse } from './refuse.js';
import type { BrowserSessions } from './session.js';
import { sessionCookieName, setSessionCookie } from './session-cookie.js';

const tokenBody = {
  type: 'object',
  required: ['token'],
  additionalProperties: false,
  properties: { token: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/**
 * Signing in: the page trades the one-time token from its link's fragment for its page secret (in
 * the answer's body, which only a same-origin page can read) and the session cookie. Renewing: the
 * page secret alone gets a new cookie, so a page on another port that overwrites or evicts the
 * cookie cannot lock the real UI out.
 */
export function registerSessionRoutes(app: FastifyInstance, sessions: BrowserSessions, address: () => ServerAddress): void {
  const ttlMinutes = Math.round(sessions.loginLinkTtlMs / 60_000);
  app.post<{ Body: { token: string } }>(SESSION_PATH, { onRequest: requireOrigin(address), schema: { body: tokenBody } }, async (request, reply) => {
    const session = sessions.redeem(request.body.token);
    if (!session) {
      return refuse(request, reply, 401, {
        code: DESKTOP_ERROR_CODES.LOGIN_LINK,
        message: `This login link was already used, has expired (a link works once, within ${ttlMinutes} minutes) or is not valid. Press Enter in the terminal running Sentinel for a new one.`,
      });
    }
    setSessionCookie(reply, sessionCookieName(address().port, session.id), session.cookie);
    return { secret: session.secret };
  });

  app.post(RENEW_PATH, { onRequest: [requireOrigin(address), requireSession(sessions, address, { cookie: false })] }, async (request, reply) => {
    const session = request.browserSession!;
    setSessionCookie(reply, sessionCookieName(address().port, session.id), sessions.renewCookie(session));
    request.log.warn({ session: session.id }, 'session cookie renewed: it was missing or replaced');
    return { renewed: true };
  });
}
