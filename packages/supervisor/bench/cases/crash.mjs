import { ChildProcess, spawn } from 'node:child_process';
import { SERVER, freePort, get } from '../lib/bare.mjs';
import { median, now, once } from '../lib/stats.mjs';
import { supervisedServer } from '../lib/supervised.mjs';

// Diagnostic: when Node itself reported the child's exit, to split the figure into the kernel/libuv
// part and the supervisor's own part.
let lastChildExitAt = 0;
const emit = ChildProcess.prototype.emit;
ChildProcess.prototype.emit = function patchedEmit(event, ...args) {
  if (event === 'exit') lastChildExitAt = now();
  return emit.call(this, event, ...args);
};

/** Baseline: the same backend spawned the same way (own group, three pipes), ready, then SIGKILLed. */
async function bareCrash() {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: String(port) }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  child.stdout.resume();
  child.stderr.resume();
  while ((await get(port, '/health')) !== 200) await new Promise((r) => setTimeout(r, 1));
  const exited = new Promise((r) => child.once('exit', () => r(now())));
  const killed = now();
  child.kill('SIGKILL');
  return (await exited) - killed;
}

/** SIGKILL to 'exit', and SIGKILL to 'ready' again minus the bare boot and the backoff delay. */
export async function crashAndRecovery(runs, bareBootMs) {
  const detect = [];
  const own = [];
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
    const reported = now();
    detect.push(reported - killed);
    own.push(reported - lastChildExitAt);
    const { delayMs } = await backoff;
    ({ pid } = await ready);
    recover.push(now() - killed - delayMs);
  }
  await sup.stop();
  const recovery = median(recover) - bareBootMs;
  return [
    { name: 'crash detection', unit: 'ms', value: median(detect), measured: median(detect), baseline: median(bare), baselineLabel: "bare child_process 'exit' after SIGKILL, same spawn options", target: '<= 5', pass: median(detect) <= 5, runs, afterNodeExitEventMs: median(own) },
    { name: 'recovery', unit: 'ms', value: recovery, measured: median(recover), baseline: bareBootMs, baselineLabel: 'bare boot (from ready overhead); backoff delay subtracted per run', target: '<= 20', pass: recovery <= 20, runs },
  ];
}
