import { request, type IncomingMessage } from 'node:http';
import { withDeadline, type ProbeResult } from './deadline.js';

/** Largest health body read, in bytes. */
export const MAX_PROBE_BODY_BYTES = 64 * 1024;

export interface HttpProbe {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** When set, the JSON body's `instance` must equal it. */
  readonly instanceId: string | undefined;
  readonly headers?: Readonly<Record<string, string>>;
  /** Statuses that pass; undefined means any 2xx. */
  readonly expectedStatus?: readonly number[] | undefined;
  /** Bounds the whole probe: connect, headers and body together. */
  readonly timeoutMs: number;
}

/**
 * One GET on a fresh connection, bounded as a whole (connect, headers and body) by `timeoutMs`:
 * it always settles. Resolves undefined when healthy, else the reason as an Error.
 */
export function probeHttp(probe: HttpProbe, parent?: AbortSignal): Promise<ProbeResult> {
  const timeout = (): Error => new Error(`GET ${probe.path} took longer than ${probe.timeoutMs} ms`);
  return withDeadline(probe.timeoutMs, parent, timeout, (signal, finish) => {
    const headers = { connection: 'close', accept: 'application/json', ...probe.headers };
    const req = request({ host: probe.host, port: probe.port, path: probe.path, method: 'GET', agent: false, headers, signal }, (res) => onResponse(res, probe, finish));
    req.on('error', (error) => finish(error)); // also the AbortError once the probe settled: ignored then
    req.end();
  });
}

function statusPasses(status: number, expected: readonly number[] | undefined): boolean {
  return expected === undefined ? status >= 200 && status <= 299 : expected.includes(status);
}

function onResponse(res: IncomingMessage, probe: HttpProbe, finish: (result: ProbeResult) => void): void {
  res.on('error', (error: Error) => finish(error));
  res.once('aborted', () => finish(new Error(`GET ${probe.path}: connection closed mid-answer`)));
  const status = res.statusCode ?? 0;
  if (!statusPasses(status, probe.expectedStatus)) {
    res.resume();
    const wanted = probe.expectedStatus === undefined ? '2xx' : probe.expectedStatus.join(' or ');
    finish(new Error(`GET ${probe.path} answered ${status}, expected ${wanted}`));
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (probe.instanceId !== undefined && size <= MAX_PROBE_BODY_BYTES) chunks.push(chunk);
  });
  res.once('end', () => {
    if (probe.instanceId === undefined) finish(undefined);
    else if (size > MAX_PROBE_BODY_BYTES) finish(new Error(`GET ${probe.path}: body over ${MAX_PROBE_BODY_BYTES} bytes`));
    else finish(checkInstance(Buffer.concat(chunks).toString('utf8'), probe.instanceId, probe.path));
  });
}

function checkInstance(body: string, expected: string, path: string): ProbeResult {
  let instance: unknown;
  try {
    instance = (JSON.parse(body) as { instance?: unknown } | null)?.instance;
  } catch {
    return new Error(`GET ${path} did not answer JSON, so its instance id cannot be checked`);
  }
  if (instance === expected) return undefined;
  return new Error(`GET ${path} answered instance ${JSON.stringify(instance)}, not this launch's: a stranger (stale server?) is on the port`);
}
