import type { ExportedYaml as ClientExport } from '@sentinel/backend/client';
import type { ExportedYaml } from '../../shared/workspace-types.js';
import { libraryId } from '../validate.js';
import { createOptions, libraryFilter, libraryInput, revisionOptions } from '../validate-requests.js';
import type { HandlerGroup } from './handlers.js';
import type { HostServices } from './services.js';

type LibraryMethod =
  | 'listTests' | 'getTest' | 'createTest' | 'updateTest' | 'deleteTest' | 'exportTest'
  | 'listSuites' | 'getSuite' | 'createSuite' | 'updateSuite' | 'deleteSuite' | 'exportSuite'
  | 'listTemplates';

const exported = (id: string, file: ClientExport): ExportedYaml => ({ id, file_name: file.fileName, yaml: file.yaml, revision: file.revision });

/** The library's tests and suites (`/api/tests`, `/api/suites`) and the starter templates. */
export function libraryHandlers({ client }: HostServices): HandlerGroup<LibraryMethod> {
  return {
    listTests: async (filter) => client.listTests(libraryFilter(filter)),
    getTest: async (id) => client.getTest(libraryId(id)),
    createTest: async (input, options) => client.createTest(libraryInput('test', input), createOptions(options)),
    updateTest: async (id, input, options) => client.updateTest(libraryId(id), libraryInput('test', input), revisionOptions(options)),
    deleteTest: async (id, options) => client.deleteTest(libraryId(id), revisionOptions(options)),
    exportTest: async (id) => exported(libraryId(id), await client.exportTest(libraryId(id))),
    listSuites: async (filter) => client.listSuites(libraryFilter(filter)),
    getSuite: async (id) => client.getSuite(libraryId(id)),
    createSuite: async (input, options) => client.createSuite(libraryInput('suite', input), createOptions(options)),
    updateSuite: async (id, input, options) => client.updateSuite(libraryId(id), libraryInput('suite', input), revisionOptions(options)),
    deleteSuite: async (id, options) => client.deleteSuite(libraryId(id), revisionOptions(options)),
    exportSuite: async (id) => exported(libraryId(id), await client.exportSuite(libraryId(id))),
    listTemplates: async () => client.listTemplates(),
  };
}
