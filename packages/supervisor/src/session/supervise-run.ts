import { SupervisorError } from '../errors.js';
import type { ExitInfo } from '../events.js';
import type { ReadinessWatch } from '../readiness/wait-ready.js';
import { describeExit } from '../run/exit-report.js';
import { whenAborted } from '../util/abort.js';
import { killFor, targetOf, type LiveRun } from './live-run.js';
import type { SessionHost } from './session-host.js';
import { watchReadyRun } from './watch-ready-run.js';

/**
 * Watches one run from spawn to exit: readiness (killed at the startup deadline), then health and
 * metrics once ready; `sessionSignal` aborting (stop()) kills it as 'stopped'. Resolves with the
 * exit, after the 'exit' event (reported at once: crash detection is a benchmarked figure).
 */
export async function superviseRun(host: SessionHost, live: LiveRun, readiness: ReadinessWatch, sessionSignal: AbortSignal): Promise<ExitInfo> {
  const { run, controller } = live;
  const stopListening = whenAborted(sessionSignal, () => killFor(host, run, 'stopped', undefined));
  const outcome = await Promise.race([readiness.begin(targetOf(host, run), controller.signal), run.exited.then(() => ({ kind: 'exited' }) as const)]);
  if (outcome.kind === 'ready' && !run.hasExited && !controller.signal.aborted) {
    run.readySince = Date.now();
    host.becameReady(run);
    if (!controller.signal.aborted && !run.hasExited) watchReadyRun(host, live);
  } else if (outcome.kind === 'timeout' && !run.hasExited) {
    killFor(host, run, 'startup-timeout', new SupervisorError('SUP_ERR_STARTUP_TIMEOUT', host.config.name, outcome.message, { cause: outcome.lastError }));
  }
  const raw = await run.exited;
  controller.abort();
  stopListening();
  const reason = run.kill?.reason ?? (sessionSignal.aborted ? 'stopped' : 'crash');
  const info = describeExit(run, raw, reason);
  host.ports.noteExit(info.lastLines);
  host.recordExit(info);
  host.log?.[reason === 'stopped' || reason === 'restart' ? 'info' : 'warn']({ backendPid: info.pid, code: info.code, signal: info.signal, reason, uptimeMs: info.uptimeMs }, 'backend exited');
  host.emit('exit', info);
  return info;
}
