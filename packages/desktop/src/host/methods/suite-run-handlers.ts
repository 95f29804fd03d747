import { runId } from '../validate.js';
import { suiteRunQuery, suiteRunRequest } from '../validate-requests.js';
import type { HandlerGroup } from './handlers.js';
import type { HostServices } from './services.js';

type SuiteRunMethod = 'startSuiteRun' | 'getSuiteRun' | 'listSuiteRuns' | 'cancelSuiteRun' | 'rerunFailed' | 'compareSuiteRuns' | 'exportSuiteRunJunit' | 'watchSuiteRun' | 'unwatchSuiteRun';

/** Suite runs (`/api/suite-runs`), their JUnit report, and their live events relayed to the renderer. */
export function suiteRunHandlers({ client, relay }: HostServices): HandlerGroup<SuiteRunMethod> {
  return {
    startSuiteRun: async (request) => client.startSuiteRun(suiteRunRequest(request)),
    getSuiteRun: async (id) => client.getSuiteRun(runId(id)),
    listSuiteRuns: async (query) => client.listSuiteRuns(suiteRunQuery(query)),
    cancelSuiteRun: async (id) => client.cancelSuiteRun(runId(id)),
    rerunFailed: async (id) => client.rerunFailedSuiteRun(runId(id)),
    compareSuiteRuns: async (baseId, headId) => client.compareSuiteRuns(runId(baseId, 'base'), runId(headId, 'head')),
    exportSuiteRunJunit: async (id) => {
      const valid = runId(id);
      return { id: valid, file_name: `sentinel-${valid}.junit.xml`, xml: await client.exportSuiteRunJUnit(valid) };
    },
    watchSuiteRun: async (id) => relay.watch(runId(id)),
    unwatchSuiteRun: async (id) => relay.unwatch(runId(id)),
  };
}
