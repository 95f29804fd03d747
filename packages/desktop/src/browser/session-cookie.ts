import type { FastifyReply } from 'fastify';

/**
 * The session cookie's name: per port and per session, so two Sentinels, or two tabs signed in with
 * two links, never overwrite each other's cookie. The name is not secret.
 */
export function sessionCookieName(port: number, sessionId: string): string {
  return `sentinel-${port}-${sessionId}`;
}

/** HttpOnly (no script reads it), SameSite=Strict, whole site, ends with the browser session. */
export function setSessionCookie(reply: FastifyReply, name: string, value: string): void {
  reply.setCookie(name, value, { httpOnly: true, sameSite: 'strict', path: '/' });
}

/**
 * Every value the Cookie header holds under `name`. A page on another port can add a cookie of the
 * same name with a longer Path, which the browser sends first; a parser that keeps only the first
 * value (as cookie parsers do) would then never see ours.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) values.push(part.slice(separator + 1).trim());
  }
  return values;
}
