import { SupervisorError } from '../errors.js';
import type { ExitReason } from '../events.js';
import type { HealthMonitor } from '../health/health-monitor.js';
import type { BackendMetrics } from '../metrics/sampler.js';
import type { ProbeTarget } from '../probes/types.js';
import type { BackendRun } from '../run/backend-run.js';
import type { KillTreeResult } from '../stop/index.js';
import type { SessionHost } from './session-host.js';

/** The run a session watches now, with what the snapshot shows of it. */
export interface LiveRun {
  readonly run: BackendRun;
  /** Aborts this run's readiness wait, health probes and metrics (at its exit, stop or restart). */
  readonly controller: AbortController;
  health: HealthMonitor | undefined;
  metrics: BackendMetrics | undefined;
}

/** The probe target of a run. */
export function targetOf(host: SessionHost, run: BackendRun): ProbeTarget {
  return { host: host.config.host, port: run.port, instanceId: run.instanceId, pid: run.pid };
}

/** Stops the run's whole tree (once per run), logging an escalation to SIGKILL. */
export function terminate(host: SessionHost, run: BackendRun): Promise<KillTreeResult> {
  const { stop } = host.config;
  return run.terminate(stop, (survivors) => host.log?.warn({ backendPid: run.pid, survivors }, `tree still alive after ${stop.timeoutMs} ms; sending SIGKILL`));
}

/** Kills the run for `reason` (the first reason wins), recording the error it stands for. */
export function killFor(host: SessionHost, run: BackendRun, reason: ExitReason, error: SupervisorError | undefined): void {
  if (run.hasExited && run.kill === undefined) return;
  run.kill ??= { reason, error };
  if (error !== undefined && run.kill.error === error) host.recordError(error);
  void terminate(host, run).catch(() => undefined);
}

/** The SUP_ERR_PROBE error of a failed probe. */
export function probeError(host: SessionHost, error: Error): SupervisorError {
  return new SupervisorError('SUP_ERR_PROBE', host.config.name, error.message, { cause: error });
}
