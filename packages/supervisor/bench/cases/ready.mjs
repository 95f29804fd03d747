import { bareBoot } from '../lib/bare.mjs';
import { median, now } from '../lib/stats.mjs';
import { supervisedServer } from '../lib/supervised.mjs';

/** start() to 'ready', against a bare spawn polled every 1 ms, interleaved run by run. */
export async function readyOverhead(runs) {
  const bare = [];
  const supervised = [];
  await bareBoot(); // warm the file cache
  for (let i = 0; i < runs; i++) {
    bare.push(await bareBoot());
    const sup = supervisedServer();
    const started = now();
    await sup.start();
    supervised.push(now() - started);
    await sup.stop();
  }
  return {
    name: 'ready overhead',
    unit: 'ms',
    value: median(supervised) - median(bare),
    measured: median(supervised),
    baseline: median(bare),
    baselineLabel: 'bare spawn polled every 1 ms to first 200',
    target: '<= 10',
    pass: median(supervised) - median(bare) <= 10,
    runs,
    bareBootMs: median(bare),
  };
}
