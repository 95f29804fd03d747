import type { AssertionKind } from '@sentinel/backend/contract';
import { ASSERTION_KIND_INFO, OUTPUT_TYPE_OPTIONS } from '../../spec/assertion-kinds.js';
import { isObject, type SpecPath } from '../../spec/paths.js';
import { useEditorModel, useField } from './editor-model.js';
import { NumberField, SelectField, TextField } from './fields.js';
import { JsonField } from './structured-fields.js';
import { StringList } from './string-list.js';

/** The value editor of one assertion, by its kind's editor type. */
export function AssertionValue({ at, kind, label }: { at: SpecPath; kind: AssertionKind; label: string }) {
  const info = ASSERTION_KIND_INFO[kind];
  const valuePath = [...at, kind];
  switch (info.editor) {
    case 'text':
      return <TextField path={valuePath} label={`${label} text`} keepEmpty />;
    case 'regex':
      return (
        <div class="field-row">
          <TextField path={valuePath} label={`${label} pattern`} keepEmpty />
          <TextField path={[...at, 'flags']} label={`${label} flags`} placeholder="i, m, s" />
        </div>
      );
    case 'number':
      return <NumberField path={valuePath} label={`${label} limit`} />;
    case 'text-list':
      return <StringList path={valuePath} label={`${label} text`} addLabel="+ Add a text" />;
    case 'text-or-list':
      return <TextOrList path={valuePath} label={label} noun={info.noun ?? 'text'} />;
    case 'output-type':
      return <SelectField path={valuePath} label={`${label} type`} options={OUTPUT_TYPE_OPTIONS} />;
    case 'json-check':
      return <JsonCheck path={valuePath} label={label} />;
  }
}

/** One text, or a list of texts: a single value stays a string until a second one is added. */
function TextOrList({ path, label, noun }: { path: SpecPath; label: string; noun: string }) {
  const field = useField(path);
  const model = useEditorModel();
  if (Array.isArray(field.value)) return <StringList path={path} label={`${label} ${noun}`} addLabel={`+ Add a ${noun}`} />;
  return (
    <div>
      <TextField path={path} label={`${label} ${noun}`} keepEmpty />
      <button type="button" class="button ghost" onClick={() => model.update(path, [typeof field.value === 'string' ? field.value : '', ''])}>
        + Add another {noun}
      </button>
    </div>
  );
}

/** `is_json`: `true`, or `{ schema }`. */
function JsonCheck({ path, label }: { path: SpecPath; label: string }) {
  const field = useField(path);
  const withSchema = isObject(field.value);
  return (
    <div>
      <label class="check">
        <input type="checkbox" aria-label={`${label} with a JSON Schema`} checked={withSchema} onChange={(event) => field.set(event.currentTarget.checked ? { schema: { type: 'object' } } : true)} />
        Also check it against a JSON Schema
      </label>
      {withSchema && <JsonField path={[...path, 'schema']} label={`${label} JSON Schema`} rows={4} />}
    </div>
  );
}
