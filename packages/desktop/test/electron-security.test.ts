import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, createAppProtocolHandler, isAppUrl } from '../src/electron/app-protocol.js';
import { isTrustedSender } from '../src/electron/ipc-sender.js';
import { denyAllPermissions, guardWebContents } from '../src/electron/web-contents-guard.js';
import { FakeWebContents, fakeFrame, ipcEventFrom } from './helpers/fake-electron.js';

// Electron's security checklist, at the Electron boundary (its API faked): the IPC sender check, the
// app:// protocol handler, navigation / new-window / webview guards and permission handlers.

describe('IPC sender check', () => {
  const contents = new FakeWebContents();
  contents.mainFrame = fakeFrame(APP_INDEX_URL);
  const sameIds = { processId: contents.mainFrame.processId, routingId: contents.mainFrame.routingId };

  it('accepts the main frame of our window at app://sentinel', () => {
    expect(isTrustedSender(ipcEventFrom(contents), contents)).toBe(true);
    expect(isTrustedSender(ipcEventFrom(contents, fakeFrame('app://sentinel/index.html#settings', null, sameIds)), contents)).toBe(true);
  });

  // The old check (`url.startsWith(pathToFileURL(rendererDir).href)`) let the first two through.
  it.each([
    ['a sibling folder sharing the prefix', 'file:///opt/sentinel/dist/renderer-evil/index.html'],
    ['a file sharing the prefix', 'file:///opt/sentinel/dist/renderer.html'],
    ['the renderer over file://', 'file:///opt/sentinel/dist/renderer/index.html'],
    ['a host sharing the prefix', 'app://sentinel-evil/index.html'],
    ['a subdomain-like host', 'app://sentinel.evil/index.html'],
    ['user info before the host', 'app://evil@sentinel/index.html'],
    ['a web page', 'https://evil.example/'],
  ])('refuses the main frame at %s', (_name, url) => {
    expect(isTrustedSender(ipcEventFrom(contents, fakeFrame(url, null, sameIds)), contents)).toBe(false);
  });

  it('refuses a subframe (even at app://sentinel), another web contents, and a frame that is gone', () => {
    expect(isTrustedSender(ipcEventFrom(contents, fakeFrame(APP_INDEX_URL, contents.mainFrame)), contents)).toBe(false);
    const other = new FakeWebContents();
    other.mainFrame = fakeFrame(APP_INDEX_URL, null, sameIds);
    expect(isTrustedSender(ipcEventFrom(other), contents)).toBe(false);
    expect(isTrustedSender(ipcEventFrom(contents, null), contents)).toBe(false);
    // Same URL, but not the main frame's ids (a frame that replaced it, or a forged report).
    expect(isTrustedSender(ipcEventFrom(contents, fakeFrame(APP_INDEX_URL)), contents)).toBe(false);
  });
});

describe('app://sentinel protocol handler', () => {
  let dir: string;
  let handle: (request: Request) => Promise<Response>;
  const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-protocol-'));
    const renderer = join(dir, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Sentinel</title>');
    await writeFile(join(renderer, 'app.js'), 'console.log(1)');
    await writeFile(join(renderer, 'assets', 'logo.svg'), '<svg/>');
    await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
    await mkdir(join(dir, 'renderer-evil'));
    await writeFile(join(dir, 'renderer-evil', 'index.html'), 'evil');
    await symlink(join(dir, 'secret.txt'), join(renderer, 'link.txt'));
    handle = createAppProtocolHandler(renderer);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['app://sentinel/index.html', 'text/html; charset=utf-8', '<title>Sentinel</title>'],
    ['app://sentinel/', 'text/html; charset=utf-8', '<title>Sentinel</title>'],
    ['app://sentinel/app.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['app://sentinel/assets/logo.svg?v=1', 'image/svg+xml', '<svg/>'],
  ])('serves %s with its type, the CSP and nosniff', async (url, type, content) => {
    const answer = await get(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(type);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.text()).toContain(content);
  });

  it.each([
    ['an encoded ../', 'app://sentinel/..%2fsecret.txt', 404],
    ['an encoded ../ into a sibling folder', 'app://sentinel/..%2frenderer-evil%2findex.html', 404],
    ['a symlink out of the folder', 'app://sentinel/link.txt', 404],
    ['a backslash', 'app://sentinel/..%5csecret.txt', 400],
    ['a NUL byte', 'app://sentinel/index.html%00.js', 400],
    ['broken percent-encoding', 'app://sentinel/%E0%A4%A', 400],
    ['a folder', 'app://sentinel/assets', 404],
    ['a missing file', 'app://sentinel/nope.js', 404],
    ['another host', 'app://other/index.html', 404],
  ])('refuses %s', async (_name, url, status) => {
    const answer = await get(url);
    expect(answer.status).toBe(status);
    expect(await answer.text()).not.toMatch(/outside the renderer|evil/);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://sentinel/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://sentinel/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('isAppUrl accepts only the exact app origin', () => {
    expect(isAppUrl('app://sentinel/x')).toBe(true);
    for (const url of ['app://sentinel-evil/', 'app://evil@sentinel/', 'file:///app/sentinel', 'https://sentinel/', 'not a url']) expect(isAppUrl(url)).toBe(false);
  });
});

describe('web-contents guard and permissions', () => {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  guardWebContents(contents, { openExternal: async (url) => void opened.push(url) });

  it.each(['will-navigate', 'will-redirect'])('%s: stays on app://sentinel, nowhere else', (event) => {
    expect(contents.emit(event, 'app://sentinel/index.html').defaultPrevented).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://sentinel-evil/', 'javascript:alert(1)']) {
      expect(contents.emit(event, url).defaultPrevented, url).toBe(true);
    }
  });

  it('refuses webviews', () => {
    expect(contents.emit('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('denies every new window; only an https link goes to the system browser', () => {
    const urls = ['https://docs.anthropic.com/en/api', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.c', 'smb://host/share'];
    for (const url of urls) expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.anthropic.com/en/api']);
  });

  it('denies every permission request and check', () => {
    denyAllPermissions(contents.session);
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      let granted: boolean | undefined;
      contents.permissionHandler!(contents, permission, (value) => (granted = value));
      expect(granted, permission).toBe(false);
      expect(contents.permissionCheckHandler!(contents, permission), permission).toBe(false);
    }
  });
});
