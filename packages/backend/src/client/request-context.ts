import { sendRequest, type RequestPlan, type Transport } from './send-request.js';

/** What every group of client methods shares: how to reach the backend, and the deadlines. */
export interface RequestContext {
  readonly transport: Transport;
  /** Deadline of reads, library writes and suite-run requests. */
  readonly requestTimeoutMs: number;
  /** Deadline of a request that runs a model call (execute, run a library test). */
  readonly executeTimeoutMs: number;
  send(plan: RequestPlan): Promise<unknown>;
}

/** Builds the shared context of the client's methods. */
export function requestContext(transport: Transport, requestTimeoutMs: number, executeTimeoutMs: number): RequestContext {
  return { transport, requestTimeoutMs, executeTimeoutMs, send: (plan) => sendRequest(transport, plan) };
}

/** `?a=1&b=x` from the defined values (empty when none), each encoded. */
export function queryOf(values: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A path segment, encoded. */
export const segment = (value: string): string => encodeURIComponent(value);
