import type { ComponentChildren } from 'preact';
import { moveAt, removeAt, type SpecPath } from '../../spec/paths.js';
import { FieldError } from '../../components/states.js';
import { useEditorModel, usePlacedError } from './editor-model.js';

/** Up, down and remove buttons of one item of a list in the form. */
export function ItemControls({ list, index, count, label }: { list: SpecPath; index: number; count: number; label: string }) {
  const model = useEditorModel();
  return (
    <div class="item-controls">
      <button type="button" class="button ghost" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => model.replace((value) => moveAt(value, list, index, -1))}>
        ↑
      </button>
      <button type="button" class="button ghost" aria-label={`Move ${label} down`} disabled={index === count - 1} onClick={() => model.replace((value) => moveAt(value, list, index, 1))}>
        ↓
      </button>
      <button type="button" class="button ghost" aria-label={`Remove ${label}`} onClick={() => model.replace((value) => removeAt(value, list, index))}>
        ×
      </button>
    </div>
  );
}

/** A titled group of the form; `field` (e.g. `assertions`) is where an error naming the group shows. */
export function Section({ title, name, field, children }: { title: string; name: string; field?: string; children: ComponentChildren }) {
  const error = usePlacedError(field ?? '\u0000');
  return (
    <fieldset class={`form-section${error ? ' invalid' : ''}`} data-section={name} data-field={field}>
      <legend>{title}</legend>
      {children}
      <FieldError error={error} />
    </fieldset>
  );
}

/** The error placed at a row of a list (an unknown key inside it, a missing value). */
export function RowError({ name }: { name: string }) {
  return <FieldError error={usePlacedError(name)} />;
}
