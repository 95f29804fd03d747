import { bareBoot } from '../lib/bare.mjs';
import { median, now, once } from '../lib/stats.mjs';
import { supervisedServer } from '../lib/supervised.mjs';

/**
 * SIGKILL of a backend that has been up for a while (the first crash of its supervisor, so no streak)
 * to its replacement's 'ready', against a bare boot measured in the same run. Default restart
 * options: the first restart does not wait initialDelayMs. Nothing is subtracted.
 */
export async function firstCrashRecovery(runs) {
  const recover = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await bareBoot());
    const sup = supervisedServer({ restart: {} });
    const { pid } = await sup.start();
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // "after 1.2 s up", as in the measurement
    const backoff = once(sup, 'backoff');
    const ready = once(sup, 'ready');
    const killed = now();
    process.kill(pid, 'SIGKILL');
    const { delayMs } = await backoff;
    if (delayMs !== 0) throw new Error(`the first crash waited ${delayMs} ms`);
    await ready;
    recover.push(now() - killed);
    await sup.stop();
  }
  const value = median(recover) - median(bare);
  return {
    name: 'first-crash recovery',
    unit: 'ms',
    value,
    measured: median(recover),
    baseline: median(bare),
    baselineLabel: 'bare boot (spawn polled every 1 ms to first 200), interleaved; default restart options',
    target: '<= 30',
    pass: value <= 30,
    runs,
  };
}
