import { BackendHttpError } from '@sentinel/backend/client';
import { LIBRARY_ID_PATTERN, type StoredSuite, type StoredTest, type TestSpec, type TestSuite } from '@sentinel/backend/contract';
import { parse, YAMLParseError } from 'yaml';
import type { DraftValidation, ImportRequest } from '../../shared/workspace-types.js';
import { DesktopError, toBridgeError } from '../errors.js';
import { draftCheck, importRequest } from '../validate-requests.js';
import type { HandlerGroup } from './handlers.js';
import type { HostServices } from './services.js';

/** The YAML's value, or where it does not parse (the backend's parser says the same, with its hints). */
function parsed(yaml: string): { ok: true; value: unknown } | { ok: false; error: DesktopError } {
  try {
    return { ok: true, value: parse(yaml, { maxAliasCount: 100, uniqueKeys: true }) };
  } catch (error) {
    const at = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const where = at ? ` line ${at.line}, column ${at.col}` : '';
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, error: new DesktopError('INVALID_YAML', `The YAML${where}: ${message}`, { details: at ? { line: at.line, column: at.col } : {} }) };
  }
}

/** A suite is a mapping with a `tests` list (as the backend tells them apart). */
const isSuite = (value: unknown): boolean => typeof value === 'object' && value !== null && Array.isArray((value as { tests?: unknown }).tests);

/** `capital.yaml` → `capital`, when that is a valid library id. */
function idFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop()?.replace(/\.ya?ml$/i, '') ?? '';
  return new RegExp(LIBRARY_ID_PATTERN).test(base) ? base : undefined;
}

/** The backend names an uploaded document "the YAML body"; for an import, name the file. */
function namingFile(error: unknown, fileName: string): unknown {
  if (!(error instanceof BackendHttpError) || !error.message.startsWith('the YAML body')) return error;
  return new BackendHttpError(error.status ?? 400, error.code, `${fileName}${error.message.slice('the YAML body'.length)}`, error.details);
}

async function importYaml({ client }: HostServices, request: ImportRequest): Promise<StoredTest | StoredSuite> {
  const document = parsed(request.yaml);
  const suite = document.ok && isSuite(document.value);
  const create = (id: string | undefined): Promise<StoredTest | StoredSuite> => {
    const options = id === undefined ? {} : { id };
    return suite ? client.createSuite({ yaml: request.yaml }, options) : client.createTest({ yaml: request.yaml }, options);
  };
  const id = idFromFileName(request.file_name);
  try {
    return await create(id).catch((error: unknown) => {
      // The file's name is taken: import it beside the existing one (the backend derives a free id from its name).
      if (id !== undefined && error instanceof BackendHttpError && error.code === 'ALREADY_EXISTS') return create(undefined);
      throw error;
    });
  } catch (error) {
    throw namingFile(error, request.file_name);
  }
}

async function validateDraft({ client }: HostServices, yaml: string, kind: 'test' | 'suite'): Promise<DraftValidation> {
  const document = parsed(yaml);
  if (!document.ok) return { valid: false, error: toBridgeError(document.error) };
  try {
    const report = await client.validate(kind === 'test' ? { test_spec: document.value as TestSpec } : { suite: document.value as TestSuite });
    return { valid: true, notes: report.cases.flatMap((item) => item.notes) };
  } catch (error) {
    if (error instanceof BackendHttpError && error.status !== undefined && error.status < 500) return { valid: false, error: toBridgeError(error) };
    throw error;
  }
}

/** Documents the user brings: imported YAML files, and drafts checked without saving (`POST /api/validate`). */
export function documentHandlers(services: HostServices): HandlerGroup<'importYaml' | 'validateDraft'> {
  return {
    importYaml: async (request) => importYaml(services, importRequest(request)),
    validateDraft: async (check) => {
      const valid = draftCheck(check);
      return validateDraft(services, valid.yaml, valid.kind);
    },
  };
}
