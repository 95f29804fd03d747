import { BackendHttpError, BackendUnavailableError } from '@sentinel/backend/client';
import type { BackendClientFactoryOptions } from './backend-client-contract.js';

/** A suite run's JUnit XML as the backend serves it. */
export interface JunitReport {
  readonly fileName: string;
  readonly xml: string;
}

/**
 * `GET /api/suite-runs/:id/junit` (the backend's JUnit XML of a suite run). The typed client has
 * no method for this route yet: this is the one request the host sends itself, with the same URL,
 * token and wait for the backend as the client. Replace it with the client's method once it has one.
 */
export async function fetchJunitReport(connection: BackendClientFactoryOptions, id: string, timeoutMs = 10_000): Promise<JunitReport> {
  const signal = AbortSignal.timeout(timeoutMs);
  await connection.whenConnected();
  const baseUrl = connection.getBaseUrl();
  if (baseUrl === undefined) throw new BackendUnavailableError('No backend URL is known yet');
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/suite-runs/${encodeURIComponent(id)}/junit`, { headers: { authorization: `Bearer ${connection.token}`, accept: 'application/xml' }, signal });
  } catch (error) {
    throw new BackendUnavailableError('GET /api/suite-runs/:id/junit failed: the backend is not reachable', error);
  }
  const text = await response.text();
  if (!response.ok) {
    let body: { error?: Record<string, unknown> } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON: described below
    }
    const { code, message, ...details } = body.error ?? {};
    throw new BackendHttpError(response.status, typeof code === 'string' ? code : `HTTP_${response.status}`, typeof message === 'string' ? message : `The backend answered ${response.status}`, details);
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `suite-run-${id}.xml`;
  return { fileName, xml: text };
}
