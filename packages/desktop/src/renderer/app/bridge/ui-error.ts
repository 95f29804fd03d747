import type { WorkspaceErrorDetails } from '../../../shared/workspace-bridge.js';

/** An error as the views show it: where it belongs (a form field, a YAML line) and what it says. */
export interface UiError {
  readonly code: string;
  readonly message: string;
  /** A spec path relative to the document's root, e.g. `assertions[0].regex` (a JSON body's `test_spec.` prefix removed). */
  readonly field?: string;
  readonly line?: number;
  readonly column?: number;
  readonly details: WorkspaceErrorDetails;
}

/** Prefixes the backend puts before a JSON body's field names. */
const BODY_PREFIXES = ['test_spec.', 'suite.', 'body.'];

export function normaliseField(field: string): string {
  for (const prefix of BODY_PREFIXES) if (field.startsWith(prefix)) return field.slice(prefix.length);
  return field === 'test_spec' || field === 'suite' ? '' : field;
}

function detailsOf(value: unknown): WorkspaceErrorDetails {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || ['string', 'number', 'boolean'].includes(typeof entry)) out[key] = entry as string | number | boolean | null;
  }
  return out;
}

/** Read any rejection (a bridge error with code and details, or anything else) as a UiError. */
export function toUiError(error: unknown): UiError {
  const record = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown; details?: unknown };
  const details = detailsOf(record.details);
  const message = typeof record.message === 'string' ? record.message : String(error);
  const code = typeof record.code === 'string' ? record.code : 'UNKNOWN';
  const field = typeof details.field === 'string' ? normaliseField(details.field) : undefined;
  const line = typeof details.line === 'number' ? details.line : undefined;
  const column = typeof details.column === 'number' ? details.column : undefined;
  return { code, message, details, ...(field !== undefined ? { field } : {}), ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) };
}
