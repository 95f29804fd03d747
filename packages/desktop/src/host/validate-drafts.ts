import type { LibraryKind } from '@sentinel/backend/contract';
import { DRAFT_KEY_PATTERN, type Draft } from '../shared/workspace-types.js';
import { invalid, libraryId, record, revision, text, yamlText } from './validate.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export function libraryKind(value: unknown, field = 'kind'): LibraryKind {
  if (value !== 'test' && value !== 'suite') throw invalid(field, "must be 'test' or 'suite'");
  return value;
}

/** `test:<id>`, `suite:<id>`, `new-test:<random>`, `new-suite:<random>`. */
export function validateDraftKey(value: unknown): string {
  if (typeof value !== 'string' || !new RegExp(DRAFT_KEY_PATTERN).test(value)) throw invalid('key', 'must be a draft key such as test:<id> or new-test:<random>');
  return value;
}

export function validateDraft(value: unknown): Draft {
  const draft = record(value, 'draft', ['kind', 'id', 'revision', 'yaml', 'saved_at']);
  const savedAt = text(draft.saved_at, 'draft.saved_at', 40);
  if (!TIMESTAMP.test(savedAt)) throw invalid('draft.saved_at', 'must be an ISO 8601 time in UTC');
  return {
    kind: libraryKind(draft.kind, 'draft.kind'),
    id: draft.id === null ? null : libraryId(draft.id, 'draft.id'),
    revision: draft.revision === null ? null : revision(draft.revision, 'draft.revision'),
    yaml: yamlText(draft.yaml, 'draft.yaml'),
    saved_at: savedAt,
  };
}
