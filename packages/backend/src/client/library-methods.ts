import type { DeletedLibraryFile, StoredSuite, StoredTest, SuiteListing, Template, TestListing } from '../contract/library.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { RequestInterruptedError } from './errors.js';
import { queryOf, segment, type RequestContext } from './request-context.js';
import type { RawAnswer } from './send-request.js';

/** Filters of a library listing (all optional, combined). */
export interface LibraryFilter {
  readonly tag?: string;
  readonly category?: string;
  /** The name contains it (case-insensitive). */
  readonly q?: string;
}

/** A library file as exported (`?format=yaml`): its bytes exactly, as text. */
export interface ExportedYaml {
  readonly yaml: string;
  readonly revision: string;
  readonly fileName: string;
}

/** What to save: the value (stored as tidy YAML) or YAML text (stored byte for byte). */
export type TestInput = { readonly spec: TestSpec } | { readonly yaml: string };
export type SuiteInput = { readonly suite: TestSuite } | { readonly yaml: string };

/** The library routes: tests and suites (list, get, export as YAML, create, update, delete) and templates. */
export interface LibraryMethods {
  listTests(filter?: LibraryFilter): Promise<TestListing>;
  getTest(id: string): Promise<StoredTest>;
  exportTest(id: string): Promise<ExportedYaml>;
  /** Not resent once sent: a cut-off create rejects with RequestInterruptedError. */
  createTest(input: TestInput, options?: { readonly id?: string }): Promise<StoredTest>;
  /** With `revision`, saves only if the file still has it (else 409 REVISION_CONFLICT). */
  updateTest(id: string, input: TestInput, options?: { readonly revision?: string }): Promise<StoredTest>;
  /** Not resent once sent. `yaml` of the answer undoes it (createTest with the same id). */
  deleteTest(id: string, options?: { readonly revision?: string }): Promise<DeletedLibraryFile>;
  listSuites(filter?: LibraryFilter): Promise<SuiteListing>;
  getSuite(id: string): Promise<StoredSuite>;
  exportSuite(id: string): Promise<ExportedYaml>;
  createSuite(input: SuiteInput, options?: { readonly id?: string }): Promise<StoredSuite>;
  updateSuite(id: string, input: SuiteInput, options?: { readonly revision?: string }): Promise<StoredSuite>;
  deleteSuite(id: string, options?: { readonly revision?: string }): Promise<DeletedLibraryFile>;
  listTemplates(): Promise<Template[]>;
}

interface Kind {
  readonly base: '/api/tests' | '/api/suites';
  readonly bodyKey: 'test_spec' | 'suite';
  readonly label: 'test' | 'suite';
}

const TESTS: Kind = { base: '/api/tests', bodyKey: 'test_spec', label: 'test' };
const SUITES: Kind = { base: '/api/suites', bodyKey: 'suite', label: 'suite' };

function valueOf(input: TestInput | SuiteInput): unknown {
  return 'spec' in input ? input.spec : 'suite' in input ? input.suite : undefined;
}

/** The body (JSON with the extra field, or YAML with it in the query) and the query of a save. */
function saveOf(kind: Kind, input: TestInput | SuiteInput, extra: { id?: string; revision?: string }): { query: string; body?: unknown; yaml?: string } {
  if ('yaml' in input) return { query: queryOf(extra), yaml: input.yaml };
  return { query: '', body: { [kind.bodyKey]: valueOf(input), ...extra } };
}

function collection(context: RequestContext, kind: Kind) {
  const { send, requestTimeoutMs: timeoutMs } = context;
  const item = (id: string) => `${kind.base}/${segment(id)}`;
  return {
    list: (filter: LibraryFilter = {}) => send({ what: `GET ${kind.base}`, method: 'GET', path: `${kind.base}${queryOf({ ...filter })}`, idempotent: true, timeoutMs }),
    get: async (id: string) => ((await send({ what: `GET ${kind.base}/:id`, method: 'GET', path: item(id), idempotent: true, timeoutMs })) as Record<string, unknown>)[kind.label],
    async export(id: string): Promise<ExportedYaml> {
      const answer = (await send({ what: `GET ${kind.base}/:id?format=yaml`, method: 'GET', path: `${item(id)}?format=yaml`, idempotent: true, timeoutMs, rawAnswer: true })) as RawAnswer;
      const fileName = /filename="([^"]+)"/.exec(answer.headers.get('content-disposition') ?? '')?.[1] ?? `${id}.yaml`;
      return { yaml: answer.text, revision: (answer.headers.get('etag') ?? '').replaceAll('"', ''), fileName };
    },
    async create(input: TestInput | SuiteInput, options: { id?: string } = {}) {
      const what = `POST ${kind.base}`;
      const { query, ...body } = saveOf(kind, input, options);
      const answer = await send({ what, method: 'POST', path: `${kind.base}${query}`, ...body, idempotent: false, timeoutMs, interrupted: (cause) => new RequestInterruptedError(`Creating a ${kind.label}`, cause) });
      return (answer as Record<string, unknown>)[kind.label];
    },
    async update(id: string, input: TestInput | SuiteInput, options: { revision?: string } = {}) {
      const { query, ...body } = saveOf(kind, input, options);
      const answer = await send({ what: `PUT ${kind.base}/:id`, method: 'PUT', path: `${item(id)}${query}`, ...body, idempotent: true, timeoutMs });
      return (answer as Record<string, unknown>)[kind.label];
    },
    async remove(id: string, options: { revision?: string } = {}) {
      const plan = { what: `DELETE ${kind.base}/:id`, method: 'DELETE', path: `${item(id)}${queryOf(options)}`, idempotent: false, timeoutMs } as const;
      const answer = await send({ ...plan, interrupted: (cause) => new RequestInterruptedError(`Deleting ${kind.label} ${id}`, cause) });
      return (answer as { deleted: DeletedLibraryFile }).deleted;
    },
  };
}

/** The library methods of a client. */
export function libraryMethods(context: RequestContext): LibraryMethods {
  const tests = collection(context, TESTS);
  const suites = collection(context, SUITES);
  return {
    listTests: async (filter) => (await tests.list(filter)) as TestListing,
    getTest: async (id) => (await tests.get(id)) as StoredTest,
    exportTest: (id) => tests.export(id),
    createTest: async (input, options) => (await tests.create(input, options)) as StoredTest,
    updateTest: async (id, input, options) => (await tests.update(id, input, options)) as StoredTest,
    deleteTest: (id, options) => tests.remove(id, options),
    listSuites: async (filter) => (await suites.list(filter)) as SuiteListing,
    getSuite: async (id) => (await suites.get(id)) as StoredSuite,
    exportSuite: (id) => suites.export(id),
    createSuite: async (input, options) => (await suites.create(input, options)) as StoredSuite,
    updateSuite: async (id, input, options) => (await suites.update(id, input, options)) as StoredSuite,
    deleteSuite: (id, options) => suites.remove(id, options),
    async listTemplates() {
      const answer = await context.send({ what: 'GET /api/templates', method: 'GET', path: '/api/templates', idempotent: true, timeoutMs: context.requestTimeoutMs });
      return (answer as { templates: Template[] }).templates;
    },
  };
}
