import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Another local process serving a hostile page on another 127.0.0.1 port: it records the cookies the
 * browser sends it (every 127.0.0.1 cookie, whatever the port), can plant cookies with Set-Cookie,
 * and serves a script that attacks Sentinel's bridge from the page.
 */
export interface HostileServer {
  readonly origin: string;
  /** The Cookie header of every request the browser made to this server. */
  readonly cookieHeaders: string[];
  /** Next page load answers with these Set-Cookie headers. */
  plantCookies(setCookies: string[]): void;
  close(): Promise<void>;
}

/** The attacks the page runs against `target` (Sentinel's origin); results land in window.__attacks. */
function attackScript(target: string): string {
  return `
const target = ${JSON.stringify(target)};
const results = {};
const body = JSON.stringify({ args: [] });
const attempt = async (name, run) => {
  try { results[name] = await run(); } catch (error) { results[name] = 'blocked: ' + error.name; }
};
(async () => {
  results.documentCookie = document.cookie;
  await attempt('fetchNoCors', async () => (await fetch(target + '/bridge/getSnapshot', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body })).type);
  await attempt('fetchCorsSimple', async () => (await (await fetch(target + '/bridge/listRuns', { method: 'POST', credentials: 'include', headers: { 'content-type': 'text/plain' }, body })).text()));
  await attempt('fetchWithSecretHeader', async () => (await (await fetch(target + '/bridge/getSnapshot', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-sentinel-session': 'guessed' }, body })).text()));
  await attempt('fetchEvents', async () => (await (await fetch(target + '/bridge/events', { method: 'POST', credentials: 'include' })).text()));
  await attempt('xhr', () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target + '/bridge/getSnapshot');
    xhr.withCredentials = true;
    xhr.onload = () => resolve('read: ' + xhr.responseText);
    xhr.onerror = () => reject(new Error('xhr error'));
    xhr.send(body);
  }));
  await attempt('beacon', async () => navigator.sendBeacon(target + '/bridge/saveProviderKey', new Blob([JSON.stringify({ args: ['anthropic', 'sk-ant-api03-stolen-by-beacon'] })], { type: 'text/plain' })));
  await attempt('formPost', () => new Promise((resolve) => {
    const sink = document.createElement('iframe');
    sink.name = 'sink';
    document.body.append(sink);
    const form = document.createElement('form');
    form.method = 'POST';
    form.enctype = 'text/plain';
    form.action = target + '/bridge/saveProviderKey';
    form.target = 'sink';
    const field = document.createElement('input');
    field.name = '{"args":["anthropic","sk-ant-api03-stolen-by-form","';
    field.value = '"]}';
    form.append(field);
    document.body.append(form);
    sink.addEventListener('load', () => resolve('submitted'), { once: true });
    form.submit();
  }));
  await attempt('frameAndReadStorage', () => new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = target + '/';
    frame.addEventListener('load', () => {
      try { resolve('read: ' + frame.contentWindow.sessionStorage.getItem('sentinel.session')); } catch (error) { resolve('blocked: ' + error.name); }
    }, { once: true });
    document.body.append(frame);
  }));
  window.__attacks = results;
})();
`;
}

function html(): string {
  return '<!doctype html><html><head><title>Free wallpapers</title><script src="/attack.js" defer></script></head><body><h1>Totally harmless</h1></body></html>';
}

export async function startHostileServer(target: string): Promise<HostileServer> {
  const cookieHeaders: string[] = [];
  let planted: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    if (request.headers.cookie) cookieHeaders.push(request.headers.cookie);
    if (planted.length > 0) {
      response.setHeader('set-cookie', planted);
      planted = [];
    }
    if (request.url === '/attack.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(attackScript(target));
    else response.writeHead(200, { 'content-type': 'text/html' }).end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    cookieHeaders,
    plantCookies: (setCookies) => void (planted = setCookies),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
