import { request, type IncomingMessage } from 'node:http';

/** Largest health body read, in bytes. */
export const MAX_PROBE_BODY_BYTES = 64 * 1024;

export interface HttpProbe {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** When set, the JSON body's `instance` must equal it. */
  readonly instanceId: string | undefined;
  readonly timeoutMs: number;
}

/**
 * One GET on a fresh connection, bounded as a whole (connect, headers and body) by `timeoutMs`:
 * it always settles. Resolves undefined when healthy, else the reason as an Error.
 */
export function probeHttp(probe: HttpProbe): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const controller = new AbortController();
    let settled = false;
    const finish = (result: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish(new Error(`GET ${probe.path} took longer than ${probe.timeoutMs} ms`));
      controller.abort(); // frees the socket; the resulting 'error' lands on the listener below
    }, probe.timeoutMs);
    const req = request(
      { host: probe.host, port: probe.port, path: probe.path, method: 'GET', agent: false, headers: { connection: 'close', accept: 'application/json' }, signal: controller.signal },
      (res) => onResponse(res, probe, finish),
    );
    req.on('error', (error) => finish(error));
    req.end();
  });
}

function onResponse(res: IncomingMessage, probe: HttpProbe, finish: (result: Error | undefined) => void): void {
  res.on('error', (error: Error) => finish(error));
  res.once('aborted', () => finish(new Error(`GET ${probe.path}: connection closed mid-answer`)));
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 299) {
    res.resume();
    finish(new Error(`GET ${probe.path} answered ${status}`));
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

function checkInstance(body: string, expected: string, path: string): Error | undefined {
  let instance: unknown;
  try {
    instance = (JSON.parse(body) as { instance?: unknown } | null)?.instance;
  } catch {
    return new Error(`GET ${path} did not answer JSON, so its instance id cannot be checked`);
  }
  if (instance === expected) return undefined;
  return new Error(`GET ${path} answered instance ${JSON.stringify(instance)}, not this launch's: a stranger (stale server?) is on the port`);
}
