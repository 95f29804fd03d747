import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { BackendMetrics } from '../src/index.js';
import { parsePsTime, parsePsUsage, procTable, psTable } from '../src/proc/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, trackPids } from './helpers/harness.js';

describe('metrics', () => {
  it("samples the whole tree's RSS and CPU at ready and then periodically; snapshot() has the latest", async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('grandchildren.mjs')], metrics: { intervalMs: 30 } });
    const handshake = next(sup, 'log', ({ line }) => line.startsWith('{"grandchildren"'));
    const samples: BackendMetrics[] = [];
    const two = new Promise<void>((resolve) => sup.on('metrics', (m) => samples.push(m) >= 2 && resolve()));
    const { pid } = await sup.start();
    trackPids((JSON.parse((await handshake).line) as { grandchildren: number[] }).grandchildren);
    await two;
    const [first, second] = samples as [BackendMetrics, BackendMetrics];
    expect(first).toMatchObject({ pid, processes: expect.any(Number) });
    // The backend and the grandchildren it started (one left the group with setsid): 6 live processes.
    expect(first.processes).toBeGreaterThanOrEqual(6);
    expect(first.rssBytes).toBeGreaterThan(6 * 10 * 2 ** 20);
    expect(second.time).toBeGreaterThan(first.time);
    expect(second.cpuMs).toBeGreaterThanOrEqual(0);
    expect(second.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(sup.snapshot().metrics).toEqual(samples.at(-1));
  });

  it('a tree over metrics.maxRssBytes is restarted with exit reason memory-limit', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')], metrics: { intervalMs: 20, maxRssBytes: 400 * 2 ** 20 } });
    const { url, pid } = await sup.start();
    const exit = next(sup, 'exit');
    const again = next(sup, 'ready');
    await (await fetch(`${url}/grow?mb=450`)).text();
    expect(await exit).toMatchObject({ pid, reason: 'memory-limit' });
    expect(sup.snapshot().lastError).toMatchObject({ code: 'SUP_ERR_MEMORY_LIMIT' });
    expect((await again).pid).not.toBe(pid);
  });

  it('metrics: false samples nothing', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')], metrics: false });
    let events = 0;
    sup.on('metrics', () => (events += 1));
    await sup.start();
    expect(sup.snapshot().metrics).toBeUndefined();
    expect(events).toBe(0);
  });
});

describe('process usage tables', () => {
  it.each([
    { text: '00:00:01', ms: 1_000 },
    { text: '1-02:03:04', ms: ((26 * 60 + 3) * 60 + 4) * 1_000 },
    { text: '0:00.05', ms: 50 },
    { text: '12:34.5', ms: (12 * 60 + 34.5) * 1_000 },
    { text: 'soon', ms: undefined },
  ])('parses ps time $text', ({ text, ms }) => {
    expect(parsePsTime(text)).toBe(ms);
  });

  it('parses ps rss/time rows', () => {
    expect(parsePsUsage('  12  2048 00:00:02\n 13 512 0:00.10\nbad row\n')).toEqual([
      { pid: 12, rssBytes: 2048 * 1024, cpuMs: 2_000 },
      { pid: 13, rssBytes: 512 * 1024, cpuMs: 100 },
    ]);
  });

  it.each([
    { label: '/proc', table: procTable },
    { label: 'ps', table: psTable },
  ])('$label reads a live child and skips a missing pid', async ({ table }) => {
    const child = spawn(NODE, ['-e', 'console.log("up"); setInterval(()=>{},1e9)'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise((resolve) => child.stdout?.once('data', resolve)); // running Node, not exec-ing
      const [usage, ...rest] = await table.usage([child.pid as number, 2 ** 22 + 7]);
      expect(rest).toEqual([]);
      expect(usage).toMatchObject({ pid: child.pid });
      expect(usage?.rssBytes).toBeGreaterThan(2 ** 20);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
