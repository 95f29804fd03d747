import { LIBRARY_ID_PATTERN, type LibraryKind } from '../contract/library.js';

const ID_REGEX = new RegExp(LIBRARY_ID_PATTERN);
/** Longest id derived from a name (the pattern allows 100 characters; room is left for a `-N` suffix). */
const DERIVED_ID_MAX_LENGTH = 60;
/** Names Windows reserves for devices: `con.yaml` cannot be created there, so no id may be one. */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/;

/** Why `id` is not a usable library id, or undefined when it is one. */
export function libraryIdProblem(id: string): string | undefined {
  if (!ID_REGEX.test(id)) return `must match ${LIBRARY_ID_PATTERN} (lowercase letters, digits, ".", "_" and "-", starting with a letter or digit)`;
  if (WINDOWS_DEVICE_NAMES.test(id)) return 'is a name Windows reserves for a device; choose another';
  return undefined;
}

/**
 * The id a name becomes when none is given: lowercase ASCII, accents dropped, every other run of
 * characters turned into one `-`, e.g. `"Capital of France?"` -> `capital-of-france`. Falls back to
 * the kind (`test`, `suite`) when nothing usable is left.
 */
export function deriveLibraryId(name: string, kind: LibraryKind): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, DERIVED_ID_MAX_LENGTH)
    .replace(/^-+|-+$/g, '');
  if (slug === '') return kind;
  return libraryIdProblem(slug) === undefined ? slug : `${slug}-${kind}`;
}

/** The n-th candidate id for a derived id: `base`, `base-2`, `base-3`, ... */
export function candidateId(base: string, attempt: number): string {
  return attempt === 1 ? base : `${base}-${attempt}`;
}
