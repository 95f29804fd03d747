import { apiKey, providerName, runId } from '../validate.js';
import { executeRequest, runQuery } from '../validate-requests.js';
import type { HandlerGroup } from './handlers.js';
import type { HostServices } from './services.js';

/** Single runs (of a library test, or of a spec tied to one), the history, comparisons and the providers. */
export function runHandlers({ client }: HostServices): HandlerGroup<'execute' | 'listRuns' | 'getRun' | 'compareRuns' | 'listProviders' | 'verifyProviderKey'> {
  return {
    execute: async (request) => {
      const valid = executeRequest(request);
      if (!('spec' in valid)) return client.runTest(valid.test_id);
      return client.execute(valid.spec, valid.test_id === undefined ? {} : { testId: valid.test_id });
    },
    listRuns: async (query) => client.listRuns(runQuery(query)),
    getRun: async (id) => client.getRun(runId(id)),
    compareRuns: async (baseId, headId) => client.compareRuns(runId(baseId, 'base'), runId(headId, 'head')),
    listProviders: async () => client.listProviders(),
    verifyProviderKey: async (provider, key) => client.verifyProvider(providerName(provider), key === undefined || key === null ? undefined : apiKey(key)),
  };
}
