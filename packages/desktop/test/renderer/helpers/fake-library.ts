import type { BrokenLibraryFile, DeletedLibraryFile, StoredSuite, StoredTest, TestSpec, TestSuite } from '@sentinel/backend/contract';
import { LineCounter, parseDocument } from 'yaml';
import type { LibraryFilter } from '../../../src/shared/workspace-bridge.js';
import { revisionOf, storedSuite, storedTest } from './fixtures.js';

/** A bridge error as the host sends it: the backend's code, a message, the details it names. */
export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, string | number | boolean | null> = {},
    readonly status = 400,
  ) {
    super(message);
  }
}

const TEST_FIELDS = new Set(['name', 'description', 'category', 'model', 'provider', 'inputs', 'assertions', 'model_config', 'config', 'tools', 'framework', 'framework_config', 'seed', 'timeout_ms', 'tags', 'max_tokens', 'temperature']);
const SUITE_FIELDS = new Set(['name', 'version', 'description', 'defaults', 'tags', 'tests']);

/** Parse YAML as the backend does: a syntax error is INVALID_YAML with its line and column. */
export function parseYaml(text: string, source: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const position = first.linePos?.[0] ?? { line: 1, col: 1 };
    throw new FakeError('INVALID_YAML', `${source} line ${position.line}, column ${position.col}: ${first.message.split('\n')[0]}`, { line: position.line, column: position.col });
  }
  return doc.toJS() as unknown;
}

/** A small stand-in for the backend's validation: names the field it refuses, as the backend does. */
export function validate(value: unknown, kind: 'test' | 'suite'): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FakeError('VALIDATION_ERROR', 'the document must be a mapping', { field: '' });
  const record = value as Record<string, unknown>;
  if (kind === 'test' && 'tests' in record) throw new FakeError('VALIDATION_ERROR', 'tests is not allowed in a test: this is a suite, save it as a suite', { field: 'tests' });
  const allowed = kind === 'test' ? TEST_FIELDS : SUITE_FIELDS;
  for (const key of Object.keys(record)) if (!allowed.has(key)) throw new FakeError('VALIDATION_ERROR', `${key} is not allowed`, { field: key });
  if (typeof record.name !== 'string' || record.name === '') throw new FakeError('VALIDATION_ERROR', 'name is required', { field: 'name' });
  if (kind === 'suite') return;
  const assertions = record.assertions;
  if (!Array.isArray(assertions) || assertions.length === 0) throw new FakeError('VALIDATION_ERROR', 'assertions must have at least one entry', { field: 'assertions' });
  assertions.forEach((assertion, index) => {
    const key = Object.keys(assertion as object).find((name) => name !== 'flags') ?? '';
    if (key === 'must_contian') throw new FakeError('VALIDATION_ERROR', `assertions[${index}].must_contian is not allowed (did you mean must_contain?)`, { field: `assertions[${index}].must_contian` });
  });
  const temperature = (record.model_config as Record<string, unknown> | undefined)?.temperature;
  if (temperature !== undefined && typeof temperature !== 'number') throw new FakeError('VALIDATION_ERROR', 'model_config.temperature must be a number', { field: 'model_config.temperature' });
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'item';
}

type Item = (StoredTest | StoredSuite) & { yaml: string };

/** The library in memory: tests and suites with revisions, filters, deletes that can be undone. */
export class FakeLibrary {
  readonly items = new Map<string, Item>();
  readonly broken: BrokenLibraryFile[] = [];

  add(item: Item): void {
    this.items.set(`${item.kind}:${item.id}`, item);
  }

  list(kind: 'test' | 'suite', filter: LibraryFilter = {}): Item[] {
    const matches = (item: Item): boolean => {
      const spec = item.kind === 'test' ? item.spec : { ...item.suite.defaults, name: item.suite.name, tags: [...(item.suite.tags ?? []), ...(item.suite.defaults?.tags ?? [])] };
      if (filter.q && !String(spec.name).toLowerCase().includes(filter.q.toLowerCase())) return false;
      if (filter.tag && !(spec.tags ?? []).includes(filter.tag)) return false;
      if (filter.category && spec.category !== filter.category) return false;
      return true;
    };
    return [...this.items.values()].filter((item) => item.kind === kind && matches(item)).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  }

  get(kind: 'test' | 'suite', id: string): Item {
    const item = this.items.get(`${kind}:${id}`);
    if (!item) throw new FakeError(kind === 'test' ? 'TEST_NOT_FOUND' : 'SUITE_NOT_FOUND', `${kind}s/${id}.yaml does not exist`, { id }, 404);
    return item;
  }

  save(kind: 'test' | 'suite', input: { yaml?: string; spec?: TestSpec; suite?: TestSuite }, id: string | undefined, revision: string | undefined, create: boolean): Item {
    const yaml = input.yaml ?? yamlText(input.spec ?? input.suite);
    const value = parseYaml(yaml, 'the request body');
    validate(value, kind);
    const name = (value as { name: string }).name;
    let finalId = id ?? slug(name);
    if (create) {
      if (id && this.items.has(`${kind}:${id}`)) throw new FakeError('ALREADY_EXISTS', `${kind}s/${id}.yaml already exists`, { id }, 409);
      for (let n = 2; !id && this.items.has(`${kind}:${finalId}`); n++) finalId = `${slug(name)}-${n}`;
    } else {
      const current = this.get(kind, finalId);
      if (revision && current.revision !== revision) throw new FakeError('REVISION_CONFLICT', `${current.path} changed since revision ${revision} was read: reload it before saving`, { id: finalId, revision: current.revision }, 409);
    }
    const item = kind === 'test' ? storedTest(finalId, value as TestSpec, yaml) : storedSuite(finalId, value as TestSuite, yaml);
    this.add({ ...item, updated_at: new Date().toISOString() });
    return item;
  }

  remove(kind: 'test' | 'suite', id: string): DeletedLibraryFile {
    const item = this.get(kind, id);
    this.items.delete(`${kind}:${id}`);
    return { id, kind, path: item.path, revision: revisionOf(item.yaml), yaml: item.yaml };
  }
}

function nameOf(item: Item): string {
  return item.kind === 'test' ? item.spec.name : item.suite.name;
}

function yamlText(value: unknown): string {
  return storedTest('x', value as TestSpec).yaml;
}
