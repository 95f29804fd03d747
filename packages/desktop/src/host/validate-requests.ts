import type { LibraryKind, SuiteRunRequest, TestSpec, TestSuite } from '@sentinel/backend/contract';
import type { DraftCheck, ExecuteRequest, ImportRequest, LibraryFilter, RunQuery, SuiteInput, SuiteRunQuery, TestInput } from '../shared/workspace-types.js';
import { libraryKind } from './validate-drafts.js';
import { boolean, documentValue, integer, invalid, libraryId, optionalRecord, record, revision, runId, text, yamlText } from './validate.js';

/** Most cases in flight per provider (the backend's `MAX_SUITE_CONCURRENCY`). */
const MAX_CONCURRENCY = 64;
const FILTER_CHARS = 200;

/** `{ tag?, category?, q? }`, each 1-200 characters. */
export function libraryFilter(value: unknown): LibraryFilter {
  const filter = optionalRecord(value, 'filter', ['tag', 'category', 'q']);
  const out: { tag?: string; category?: string; q?: string } = {};
  for (const key of ['tag', 'category', 'q'] as const) if (filter[key] !== undefined) out[key] = text(filter[key], key, FILTER_CHARS);
  return out;
}

/** `{ yaml }` (stored byte for byte) or `{ spec }` / `{ suite }` (stored as tidy YAML). */
export function libraryInput(kind: 'test', value: unknown): TestInput;
export function libraryInput(kind: 'suite', value: unknown): SuiteInput;
export function libraryInput(kind: LibraryKind, value: unknown): TestInput | SuiteInput {
  const valueKey = kind === 'test' ? 'spec' : 'suite';
  const input = record(value, 'input', ['yaml', valueKey]);
  if ((input.yaml === undefined) === (input[valueKey] === undefined)) throw invalid('input', `must hold exactly one of yaml and ${valueKey}`);
  if (input.yaml !== undefined) return { yaml: yamlText(input.yaml) };
  return kind === 'test' ? { spec: documentValue<TestSpec>(input.spec, 'spec') } : { suite: documentValue<TestSuite>(input.suite, 'suite') };
}

/** `{ id? }` of a create. */
export function createOptions(value: unknown): { id?: string } {
  const options = optionalRecord(value, 'options', ['id']);
  return options.id === undefined ? {} : { id: libraryId(options.id) };
}

/** `{ revision? }` of an update or a delete. */
export function revisionOptions(value: unknown): { revision?: string } {
  const options = optionalRecord(value, 'options', ['revision']);
  return options.revision === undefined ? {} : { revision: revision(options.revision) };
}

export function importRequest(value: unknown): ImportRequest {
  const request = record(value, 'request', ['file_name', 'yaml']);
  return { file_name: text(request.file_name, 'file_name', 255), yaml: yamlText(request.yaml) };
}

export function draftCheck(value: unknown): DraftCheck {
  const check = record(value, 'check', ['kind', 'yaml']);
  return { kind: libraryKind(check.kind), yaml: yamlText(check.yaml) };
}

/** `{ test_id }` (a library test as saved) or `{ spec, test_id? }` (e.g. the editor's unsaved text). */
export function executeRequest(value: unknown): ExecuteRequest {
  const request = record(value, 'request', ['spec', 'test_id']);
  const testId = request.test_id === undefined ? undefined : libraryId(request.test_id, 'test_id');
  if (request.spec === undefined) {
    if (testId === undefined) throw invalid('request', 'must hold a spec or a test_id');
    return { test_id: testId };
  }
  const spec = documentValue<TestSpec>(request.spec, 'spec');
  return testId === undefined ? { spec } : { spec, test_id: testId };
}

function page(query: Record<string, unknown>, defaults: { max: number }): { limit?: number; cursor?: string } {
  return {
    ...(query.limit === undefined ? {} : { limit: integer(query.limit, 'limit', 1, defaults.max) }),
    ...(query.cursor === undefined ? {} : { cursor: text(query.cursor, 'cursor', 500) }),
  };
}

/** `GET /api/runs` filters and paging. */
export function runQuery(value: unknown): RunQuery {
  const query = optionalRecord(value, 'query', ['test_id', 'suite_run_id', 'tag', 'model', 'passed', 'limit', 'cursor']);
  return {
    ...(query.test_id === undefined ? {} : { test_id: libraryId(query.test_id, 'test_id') }),
    ...(query.suite_run_id === undefined ? {} : { suite_run_id: runId(query.suite_run_id, 'suite_run_id') }),
    ...(query.tag === undefined ? {} : { tag: text(query.tag, 'tag', FILTER_CHARS) }),
    ...(query.model === undefined ? {} : { model: text(query.model, 'model', FILTER_CHARS) }),
    ...(query.passed === undefined ? {} : { passed: boolean(query.passed, 'passed') }),
    ...page(query, { max: 200 }),
  };
}

/** `POST /api/suite-runs`: a library suite or one sent inline, concurrency, cache. */
export function suiteRunRequest(value: unknown): SuiteRunRequest {
  const request = record(value, 'request', ['suite_id', 'suite', 'concurrency', 'cache']);
  if ((request.suite_id === undefined) === (request.suite === undefined)) throw invalid('request', 'must hold exactly one of suite_id and suite');
  return {
    ...(request.suite_id === undefined ? { suite: documentValue<TestSuite>(request.suite, 'suite') } : { suite_id: libraryId(request.suite_id, 'suite_id') }),
    ...(request.concurrency === undefined ? {} : { concurrency: integer(request.concurrency, 'concurrency', 1, MAX_CONCURRENCY) }),
    ...(request.cache === undefined ? {} : { cache: boolean(request.cache, 'cache') }),
  };
}

export function suiteRunQuery(value: unknown): SuiteRunQuery {
  const query = optionalRecord(value, 'query', ['suite_id', 'limit', 'cursor']);
  return { ...(query.suite_id === undefined ? {} : { suite_id: libraryId(query.suite_id, 'suite_id') }), ...page(query, { max: 200 }) };
}
