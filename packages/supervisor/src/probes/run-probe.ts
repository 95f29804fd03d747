import { backendUrl } from '../util/url.js';
import { withDeadline, type ProbeResult } from './deadline.js';
import { probeHttp } from './http-probe.js';
import { probeTcp } from './tcp-probe.js';
import type { ProbeConfig, ProbeFunction, ProbeTarget } from './types.js';

/**
 * Runs one probe of any kind, bounded by `timeoutMs` (and cancelled with `signal`): the one place
 * readiness and health probes go through. Resolves undefined when it passed, else why not.
 */
export function runProbe(check: ProbeConfig, target: ProbeTarget, timeoutMs: number, signal?: AbortSignal): Promise<ProbeResult> {
  if (check.kind === 'custom') return probeCustom(check.probe, target, timeoutMs, signal);
  if (target.port === undefined) return Promise.resolve(new Error(`a ${check.kind} probe needs a port`));
  if (check.kind === 'tcp') return probeTcp(target.host, target.port, timeoutMs, signal);
  const { path, requireInstanceId, headers, expectedStatus } = check;
  return probeHttp({ host: target.host, port: target.port, path, instanceId: requireInstanceId ? target.instanceId : undefined, headers, expectedStatus, timeoutMs }, signal);
}

function probeCustom(probe: ProbeFunction, target: ProbeTarget, timeoutMs: number, parent: AbortSignal | undefined): Promise<ProbeResult> {
  const timeout = (): Error => new Error(`the probe function took longer than ${timeoutMs} ms`);
  return withDeadline(timeoutMs, parent, timeout, (signal, finish) => {
    const context = { ...target, url: backendUrl(target.host, target.port), signal };
    Promise.resolve()
      .then(() => probe(context))
      .then(
        (result) => finish(result === false ? new Error('the probe function returned false') : undefined),
        (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
      );
  });
}
