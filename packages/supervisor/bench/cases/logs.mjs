import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Supervisor } from '../../dist/index.js';
import { median, now } from '../lib/stats.mjs';

const FLOOD = new URL('../fixtures/flood.mjs', import.meta.url).pathname;

async function bareReadline(bytes) {
  const started = now();
  const child = spawn(process.execPath, [FLOOD], { env: { ...process.env, BENCH_BYTES: String(bytes) }, stdio: ['ignore', 'pipe', 'ignore'] });
  let lines = 0;
  const rl = createInterface({ input: child.stdout });
  await new Promise((resolve) => rl.on('line', (line) => (line === 'flood-done' ? resolve() : (lines += 1))));
  const ms = now() - started;
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return { lines, rate: lines / (ms / 1000) };
}

async function supervised(bytes) {
  const sup = new Supervisor({ name: 'bench-logs', command: process.execPath, args: [FLOOD], env: { BENCH_BYTES: String(bytes) }, port: false, readiness: { stdout: /^flood-done$/, timeoutMs: 600_000 }, runtimeDir: false });
  let lines = 0;
  let maxRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 20);
  sup.on('log', ({ line }) => line !== 'flood-done' && (lines += 1));
  const started = now();
  await sup.start();
  const ms = now() - started;
  clearInterval(sampler);
  await sup.stop();
  return { lines, rate: lines / (ms / 1000), maxRssMb: maxRss / 2 ** 20 };
}

/** Lines per second through the supervisor ('log' events) against a bare readline on the same child. */
export async function logThroughput(runs, bytes) {
  const expected = Math.floor(bytes / 100);
  const bare = [];
  const ours = [];
  let lost = 0;
  let maxRssMb = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const b = await bareReadline(bytes);
    const s = await supervised(bytes);
    bare.push(b.rate);
    ours.push(s.rate);
    lost += Math.abs(expected - s.lines);
    maxRssMb = Math.max(maxRssMb, s.maxRssMb);
  }
  const ratio = median(ours) / median(bare);
  return {
    name: 'log throughput',
    unit: 'lines/s',
    value: median(ours),
    measured: median(ours),
    baseline: median(bare),
    baselineLabel: `bare readline on the same child, ${Math.round(bytes / 2 ** 20)} MB per run`,
    target: '>= 0.5 x baseline, 0 lost, RSS <= 150 MB',
    ratio,
    linesLost: lost,
    maxRssMb,
    pass: ratio >= 0.5 && lost === 0 && maxRssMb <= 150,
    runs,
  };
}
