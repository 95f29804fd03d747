import { median, now, once } from '../lib/stats.mjs';
import { supervisedServer } from '../lib/supervised.mjs';

const HEALTH = { http: '/health', requireInstanceId: true, intervalMs: 200, timeoutMs: 100, failureThreshold: 3 };

/** SIGSTOP to 'exit' with reason 'unhealthy', against the bound failureThreshold x intervalMs + timeoutMs. */
export async function hangDetection(runs) {
  const bound = HEALTH.failureThreshold * HEALTH.intervalMs + HEALTH.timeoutMs;
  const latencies = [];
  const sup = supervisedServer({ health: HEALTH });
  let { pid } = await sup.start();
  for (let i = 0; i < runs; i++) {
    // Stop at a random phase of the probe period, as a real hang would.
    await new Promise((r) => setTimeout(r, Math.random() * HEALTH.intervalMs));
    const exit = once(sup, 'exit');
    const ready = once(sup, 'ready');
    const stopped = now();
    process.kill(pid, 'SIGSTOP');
    const info = await exit;
    if (info.reason !== 'unhealthy') throw new Error(`expected reason unhealthy, got ${info.reason}`);
    latencies.push(now() - stopped);
    ({ pid } = await ready);
  }
  await sup.stop();
  const worst = Math.max(...latencies);
  return {
    name: 'hang detection',
    unit: 'ms',
    value: median(latencies),
    measured: median(latencies),
    baseline: bound,
    baselineLabel: `bound ${HEALTH.failureThreshold} x ${HEALTH.intervalMs} + ${HEALTH.timeoutMs} ms`,
    target: `<= bound + 50 (${bound + 50})`,
    pass: worst <= bound + 50,
    worst,
    runs,
  };
}
