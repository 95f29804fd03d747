import { getPath, setPath, type SpecPath } from '../../spec/paths.js';
import { useEditorModel, useField } from './editor-model.js';
import { FieldShell, idOf } from './fields.js';
import { ItemControls, RowError } from './list-controls.js';

/** Show `\n` and `\t` as escapes in a one-line input (stop sequences are often a newline). */
function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

function unescape(text: string): string {
  return text.replace(/\\(\\|n|t)/g, (_, char: string) => (char === 'n' ? '\n' : char === 't' ? '\t' : '\\'));
}

/** A list of texts, one input each; `escapes` shows newlines as `\n`. */
export function StringList({ path, label, hint, addLabel, escapes = false }: { path: SpecPath; label: string; hint?: string; addLabel: string; escapes?: boolean }) {
  const model = useEditorModel();
  const field = useField(path);
  const items = Array.isArray(field.value) ? (field.value as unknown[]) : [];
  return (
    <FieldShell name={field.name} label={label} hint={hint} error={field.error}>
      <div class="string-list" id={idOf(field.name)}>
        {items.map((item, index) => {
          const text = typeof item === 'string' ? item : String(item);
          return (
            <div class="string-item" key={index} data-field={`${field.name}[${index}]`}>
              <input
                aria-label={`${label} ${index + 1}`}
                value={escapes ? escape(text) : text}
                onInput={(event) => model.update([...path, index], escapes ? unescape(event.currentTarget.value) : event.currentTarget.value)}
              />
              <ItemControls list={path} index={index} count={items.length} label={`${label} ${index + 1}`} />
              <RowError name={`${field.name}[${index}]`} />
            </div>
          );
        })}
        <button type="button" class="button ghost" onClick={() => model.replace((value) => addTo(value, path, ''))}>
          {addLabel}
        </button>
      </div>
    </FieldShell>
  );
}

/** `value` with `item` appended to the list at `path` (created when absent). */
export function addTo(value: unknown, path: SpecPath, item: unknown): unknown {
  const list = getPath(value, path);
  const next = Array.isArray(list) ? [...(list as unknown[]), item] : [item];
  return setPath(value, path, next);
}

