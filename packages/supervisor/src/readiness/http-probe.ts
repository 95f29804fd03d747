import { request } from 'node:http';

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

/** One GET on a fresh connection. Resolves undefined when healthy, else the reason as an Error. */
export function probeHttp(probe: HttpProbe): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const req = request(
      { host: probe.host, port: probe.port, path: probe.path, method: 'GET', agent: false, headers: { connection: 'close', accept: 'application/json' }, signal: AbortSignal.timeout(probe.timeoutMs) },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299) {
          res.resume();
          resolve(new Error(`GET ${probe.path} answered ${status}`));
          return;
        }
        if (probe.instanceId === undefined) {
          res.resume();
          res.once('end', () => resolve(undefined));
          return;
        }
        readBody(res, (body) => resolve(checkInstance(body, probe.instanceId as string, probe.path)));
      },
    );
    req.once('error', (error) => resolve(error.name === 'AbortError' ? new Error(`GET ${probe.path} took longer than ${probe.timeoutMs} ms`, { cause: error }) : error));
    req.end();
  });
}

function readBody(res: NodeJS.ReadableStream, done: (body: string | Error) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_PROBE_BODY_BYTES) chunks.push(chunk);
  });
  res.once('end', () => done(size > MAX_PROBE_BODY_BYTES ? new Error(`health body over ${MAX_PROBE_BODY_BYTES} bytes`) : Buffer.concat(chunks).toString('utf8')));
  res.once('error', (error: Error) => done(error));
}

function checkInstance(body: string | Error, expected: string, path: string): Error | undefined {
  if (body instanceof Error) return body;
  let instance: unknown;
  try {
    instance = (JSON.parse(body) as { instance?: unknown } | null)?.instance;
  } catch {
    return new Error(`GET ${path} did not answer JSON, so its instance id cannot be checked`);
  }
  if (instance === expected) return undefined;
  return new Error(`GET ${path} answered instance ${JSON.stringify(instance)}, not this launch's: a stranger (stale server?) is on the port`);
}
