import { spawn } from 'node:child_process';
import { SERVER, freePort } from '../lib/bare.mjs';
import { median, now, once } from '../lib/stats.mjs';
import { supervisedServer } from '../lib/supervised.mjs';

async function bareCrash() {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((r) => child.stdout.once('data', r));
  const exited = new Promise((r) => child.once('exit', () => r(now())));
  const killed = now();
  child.kill('SIGKILL');
  return (await exited) - killed;
}

/** SIGKILL to 'exit', and SIGKILL to 'ready' again minus the bare boot and the backoff delay. */
export async function crashAndRecovery(runs, bareBootMs) {
  const detect = [];
  const recover = [];
  const bare = [];
  const sup = supervisedServer();
  let { pid } = await sup.start();
  for (let i = 0; i < runs; i++) {
    bare.push(await bareCrash());
    const exit = once(sup, 'exit');
    const backoff = once(sup, 'backoff');
    const ready = once(sup, 'ready');
    const killed = now();
    process.kill(pid, 'SIGKILL');
    await exit;
    detect.push(now() - killed);
    const { delayMs } = await backoff;
    ({ pid } = await ready);
    recover.push(now() - killed - delayMs);
  }
  await sup.stop();
  const recovery = median(recover) - bareBootMs;
  return [
    { name: 'crash detection', unit: 'ms', value: median(detect), measured: median(detect), baseline: median(bare), baselineLabel: "bare child_process 'exit' after SIGKILL", target: '<= 5', pass: median(detect) <= 5, runs },
    { name: 'recovery', unit: 'ms', value: recovery, measured: median(recover), baseline: bareBootMs, baselineLabel: 'bare boot (from ready overhead); backoff delay subtracted per run', target: '<= 20', pass: recovery <= 20, runs },
  ];
}
