import { useEffect, useState } from 'preact/hooks';
import { useField } from './editor-model.js';
import { FieldShell, idOf, type FieldProps } from './fields.js';

/** Tags as comma-separated words. */
export function TagsField({ path, label, hint }: FieldProps) {
  const field = useField(path);
  const list = Array.isArray(field.value) ? (field.value as unknown[]).map(String) : [];
  const [text, setText] = useState(list.join(', '));
  useEffect(() => {
    if (splitTags(text).join('\u0000') !== list.join('\u0000')) setText(list.join(', '));
  }, [list.join('\u0000')]);
  return (
    <FieldShell name={field.name} label={label} hint={hint ?? 'Separate tags with commas.'} error={field.error}>
      <input
        id={idOf(field.name)}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          const tags = splitTags(event.currentTarget.value);
          field.set(tags.length > 0 ? tags : undefined);
        }}
      />
    </FieldShell>
  );
}

function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** A JSON object typed as text (context, parameters, a JSON Schema); kept only when it parses. */
export function JsonField({ path, label, hint, rows = 4 }: FieldProps & { rows?: number }) {
  const field = useField(path);
  const pretty = field.value === undefined ? '' : JSON.stringify(field.value, null, 2);
  const [text, setText] = useState(pretty);
  const [local, setLocal] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!sameParsed(text, field.value)) setText(pretty);
  }, [pretty]);
  return (
    <FieldShell name={field.name} label={label} hint={hint} error={local ?? field.error}>
      <textarea
        id={idOf(field.name)}
        class="code"
        rows={rows}
        value={text}
        spellcheck={false}
        aria-invalid={local ?? field.error ? 'true' : undefined}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          if (next.trim() === '') {
            setLocal(undefined);
            field.set(undefined);
            return;
          }
          try {
            field.set(JSON.parse(next) as unknown);
            setLocal(undefined);
          } catch (error) {
            setLocal(`Not valid JSON yet: ${error instanceof Error ? error.message : String(error)}`);
          }
        }}
      />
    </FieldShell>
  );
}

function sameParsed(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
