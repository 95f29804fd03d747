import type { LibraryKind } from '@sentinel/backend/contract';

/** The draft of a library item, or of a new one (`new-test:<random>`). */
export function draftKeyOf(kind: LibraryKind, id: string | null, draft: string | null): string {
  return id ? `${kind}:${id}` : `new-${kind}:${draft ?? 'untitled'}`;
}

/** A fresh id for a new item's draft. */
export function newDraftId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What a blank new test or suite starts with. */
export function blankYaml(kind: LibraryKind): string {
  return kind === 'test'
    ? 'name: New test\nmodel: claude-sonnet-4-6\ninputs:\n  query: ""\nassertions:\n  - must_contain: ""\n'
    : 'name: New suite\ndefaults:\n  model: claude-sonnet-4-6\ntests: []\n';
}
