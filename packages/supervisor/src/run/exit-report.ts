import { SupervisorError } from '../errors.js';
import type { ExitInfo, ExitReason } from '../events.js';
import type { BackendRun, RawExit } from './backend-run.js';

/** The 'exit' payload of a run. */
export function describeExit(run: BackendRun, raw: RawExit, reason: ExitReason): ExitInfo {
  return { pid: run.pid, code: raw.code, signal: raw.signal, reason, uptimeMs: raw.time - run.spawnedAt, lastLines: run.lastLines.toArray(), time: raw.time };
}

/**
 * The error an unexpected exit stands for: the one the supervisor killed it for (timeout, health,
 * memory), else SUP_ERR_EXITED (before ready) or SUP_ERR_CRASHED (after ready).
 */
export function exitError(name: string, run: BackendRun, info: ExitInfo): SupervisorError {
  if (run.kill?.error !== undefined) return run.kill.error;
  const how = `pid ${info.pid} exited with ${info.signal === null ? `code ${String(info.code)}` : `signal ${info.signal}`} after ${info.uptimeMs} ms`;
  const tail = info.lastLines.at(-1);
  const detail = tail === undefined ? how : `${how}; last output: ${tail.slice(0, 300)}`;
  return new SupervisorError(run.readySince === undefined ? 'SUP_ERR_EXITED' : 'SUP_ERR_CRASHED', name, detail);
}
