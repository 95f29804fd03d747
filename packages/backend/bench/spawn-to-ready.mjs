import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { freePort, stop } from './lib/processes.mjs';

const PROBE_INTERVAL_MS = 2;
const PROBE_TIMEOUT_MS = 1_000;
const SPAWN_DEADLINE_MS = 15_000;

function healthStatus(port) {
  return new Promise((resolve) => {
    const probe = request({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    probe.setTimeout(PROBE_TIMEOUT_MS, () => probe.destroy(new Error('probe timeout')));
    probe.on('error', () => resolve(0));
    probe.end();
  });
}

/** Milliseconds from spawn() to the first 200 on /health, probing every PROBE_INTERVAL_MS. */
export async function spawnToFirst200(file, env) {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH, ...env, PORT: String(port) }, stdio: ['pipe', 'ignore', 'inherit'] });
  try {
    for (;;) {
      if ((await healthStatus(port)) === 200) return performance.now() - start;
      if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}`);
      if (performance.now() - start > SPAWN_DEADLINE_MS) throw new Error(`${file} gave no 200 on port ${port} within ${SPAWN_DEADLINE_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
  } finally {
    await stop(child);
  }
}
