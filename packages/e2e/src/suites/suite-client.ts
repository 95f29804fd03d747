import type { BackendClient } from '@sentinel/backend/client';

/** The suite-run methods of @sentinel/backend/client the chaos client uses. */
export type SuiteRunClient = Pick<BackendClient, 'startSuiteRun' | 'getSuiteRun' | 'listSuiteRuns' | 'cancelSuiteRun' | 'watchSuiteRun' | 'listRuns'>;
