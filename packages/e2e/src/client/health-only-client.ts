import type { ChaosBackendClient, ChaosClientOptions } from './backend-modules.js';

/**
 * The client for a generic backend (--command): GET <health> with the same rules as the desktop's
 * client (wait for the backend to be ready, one deadline per request, one retry after a connection failure).
 */
export function createHealthOnlyClient(options: ChaosClientOptions & { healthPath: string }): ChaosBackendClient {
  async function attempt(signal: AbortSignal): Promise<unknown> {
    await Promise.race([options.whenConnected(), new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
    const base = options.getBaseUrl();
    if (base === undefined) throw new Error('No backend URL is known yet');
    const response = await fetch(`${base.replace(/\/+$/, '')}${options.healthPath}`, { signal });
    if (!response.ok) throw new Error(`health answered ${response.status}`);
    return response.json();
  }
  return {
    async health() {
      const signal = AbortSignal.timeout(options.requestTimeoutMs);
      try {
        return await attempt(signal);
      } catch (error) {
        if (signal.aborted) throw error;
        return attempt(signal);
      }
    },
    execute: () => Promise.reject(new Error('execute is not available on a generic backend')),
    listRuns: () => Promise.resolve({ runs: [], next_cursor: null }),
  };
}
