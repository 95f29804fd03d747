import { spawn } from 'node:child_process';
import { SERVER, freePort } from '../lib/bare.mjs';
import { median } from '../lib/stats.mjs';
import { supervisedServer } from '../lib/supervised.mjs';

function cpuMsDuring(windowMs) {
  const before = process.cpuUsage();
  return new Promise((resolve) =>
    setTimeout(() => {
      const used = process.cpuUsage(before);
      resolve((used.user + used.system) / 1000);
    }, windowMs),
  );
}

/** CPU ms per minute of this process while it supervises an idle backend probed every 2 s. */
export async function idleCost(runs, windowMs) {
  const perMinute = 60_000 / windowMs;
  const bare = [];
  const ours = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: String(port) }, stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise((r) => child.stdout.once('data', r));
    bare.push((await cpuMsDuring(windowMs)) * perMinute);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const sup = supervisedServer({ health: { http: '/health', requireInstanceId: true, intervalMs: 2_000, timeoutMs: 1_000, failureThreshold: 3 } });
    await sup.start();
    ours.push((await cpuMsDuring(windowMs)) * perMinute);
    await sup.stop();
  }
  return {
    name: 'idle cost',
    unit: 'CPU ms/min',
    value: median(ours) - median(bare),
    measured: median(ours),
    baseline: median(bare),
    baselineLabel: 'same host holding the bare child, no supervisor',
    target: 'figure only',
    pass: true,
    runs,
    windowMs,
  };
}
