import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';

export const SERVER = new URL('../fixtures/server.mjs', import.meta.url).pathname;

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function get(port, path) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode));
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}

/** Baseline: spawn the backend bare and poll GET /health every 1 ms until the first 200. Returns ms. */
export async function bareBoot() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'ignore'] });
  for (;;) {
    if ((await get(port, '/health')) === 200) break;
    await new Promise((r) => setTimeout(r, 1));
  }
  const ms = performance.now() - started;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  return ms;
}
