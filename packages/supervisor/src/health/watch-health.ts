import type { HealthConfig } from '../options/config.js';
import type { ProbeTarget } from '../readiness/probe.js';
import { HealthMonitor } from './health-monitor.js';

export interface HealthHooks {
  /** False once the run is no longer the live one (exited, replaced, stopping): results are ignored. */
  isCurrent(): boolean;
  /** A failed probe; `hung` when failures reached failureThreshold (probing has then stopped). */
  onFailure(error: Error, failures: number, hung: boolean): void;
  /** A probe passed after failures. */
  onRecovery(): void;
  /** Before each probe. */
  onProbe?(): void;
}

/** Starts probing a ready run, or returns undefined when health is off or there is no port. */
export function watchHealth(config: HealthConfig | false, target: ProbeTarget | undefined, hooks: HealthHooks): HealthMonitor | undefined {
  if (config === false || target === undefined) return undefined;
  const monitor = new HealthMonitor(config, target, {
    onFailure: (error, failures) => {
      if (!hooks.isCurrent()) return;
      const hung = failures >= config.failureThreshold;
      if (hung) monitor.stop();
      hooks.onFailure(error, failures, hung);
    },
    onRecovery: () => {
      if (hooks.isCurrent()) hooks.onRecovery();
    },
    onProbe: () => {
      if (hooks.isCurrent()) hooks.onProbe?.();
    },
  });
  monitor.start();
  return monitor;
}
