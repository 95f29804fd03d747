import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.js';

/** The renderer is served from `app://sentinel/...` (a privileged, standard, secure scheme), never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sentinel';
/** The renderer's exact origin, as Chromium reports it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before the app is ready: `standard` gives the scheme real origins (so 'self' in the
 * CSP and the IPC origin check mean app://sentinel), `secure` makes it a secure context like https.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Whether a URL is exactly on Sentinel's app origin (no other host, port or user info). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/** The file a request names inside `root`, or an error status: no traversal, no symlink out, files only. */
async function resolveFile(root: string, requestUrl: string): Promise<string | number> {
  if (!isAppUrl(requestUrl)) return 404;
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return 400;
  }
  if (path.includes('\0') || path.includes('\\')) return 400;
  const candidate = resolve(root, path === '/' ? 'index.html' : `.${path}`);
  if (!isInside(root, candidate)) return 404;
  const real = await realpath(candidate).catch(() => undefined);
  if (real === undefined || !isInside(root, real) || !(await stat(real)).isFile()) return 404;
  return real;
}

/**
 * The `app://sentinel` protocol handler (for `protocol.handle`): GET/HEAD of the built renderer's
 * files, resolved strictly inside `rendererDir` (symlinks included), with the renderer's CSP.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = realpath(resolve(rendererDir));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed');
    const file = await resolveFile(await root, request.url);
    if (typeof file === 'number') return answer(file, file === 400 ? 'Bad request' : 'Not found');
    const headers = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    return new Response(request.method === 'HEAD' ? null : await readFile(file), { status: 200, headers });
  };
}
