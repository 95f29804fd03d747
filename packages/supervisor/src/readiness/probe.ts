import type { CheckConfig } from '../options/config.js';
import { probeHttp } from './http-probe.js';
import { probeTcp } from './tcp-probe.js';

export interface ProbeTarget {
  readonly host: string;
  readonly port: number;
  readonly instanceId: string;
}

/** Runs one http or tcp check. Resolves undefined when healthy, else why not. */
export function runProbe(check: Extract<CheckConfig, { kind: 'http' | 'tcp' }>, target: ProbeTarget, timeoutMs: number): Promise<Error | undefined> {
  if (check.kind === 'tcp') return probeTcp(target.host, target.port, timeoutMs);
  return probeHttp({
    host: target.host,
    port: target.port,
    path: check.path,
    instanceId: check.requireInstanceId ? target.instanceId : undefined,
    timeoutMs,
  });
}
