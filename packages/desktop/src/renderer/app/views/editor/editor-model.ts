import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { UiError } from '../../bridge/ui-error.js';
import { getPath, pathToString, type SpecPath } from '../../spec/paths.js';

/** What the form's fields read and write: the document being edited, by path. */
export interface EditorModel {
  readonly value: unknown;
  update(path: SpecPath, value: unknown): void;
  /** Replace the whole document (list edits: add, remove, move). */
  replace(next: (value: unknown) => unknown): void;
  /** The error the backend (or a local check) names, if any. */
  readonly error: UiError | null;
  /** The field on screen the error is shown at: its `field`, or the nearest enclosing one that has a place in the form. */
  readonly placedAt: string | null;
}

export const EditorModelContext = createContext<EditorModel | null>(null);

export function useEditorModel(): EditorModel {
  const model = useContext(EditorModelContext);
  if (!model) throw new Error('a form field outside <EditorModelContext.Provider>');
  return model;
}

/** The value at `path` and the error message that belongs exactly to it. */
export function useField(path: SpecPath): { value: unknown; set: (value: unknown) => void; error: string | undefined; name: string } {
  const model = useEditorModel();
  const name = pathToString(path);
  return {
    value: getPath(model.value, path),
    set: (value) => model.update(path, value),
    error: model.placedAt === name ? model.error?.message : undefined,
    name,
  };
}

/** The message to show at `name` (a row or a list), if the error was placed there. */
export function usePlacedError(name: string): string | undefined {
  const model = useEditorModel();
  return model.placedAt === name ? model.error?.message : undefined;
}

/**
 * Where an error naming `field` shows: the deepest `[data-field]` on screen that is `field` or
 * encloses it (`assertions[0].must_contian` → the row `assertions[0]`), or null (shown above the form).
 */
export function placeError(container: ParentNode, field: string | undefined): string | null {
  if (!field) return null;
  let candidate = field;
  while (candidate !== '') {
    if (container.querySelector(`[data-field="${CSS.escape(candidate)}"]`)) return candidate;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}
