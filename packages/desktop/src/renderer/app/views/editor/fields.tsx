import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FieldError } from '../../components/states.js';
import type { SpecPath } from '../../spec/paths.js';
import { useField } from './editor-model.js';

interface FieldProps {
  readonly path: SpecPath;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  /** Keep an empty text as `''` instead of removing the key (an assertion's or a message's value). */
  readonly keepEmpty?: boolean;
}

export function idOf(name: string): string {
  return `f-${name.replace(/[^\w-]/g, '_')}`;
}

/** Label, control, hint and the error that names this field. */
export function FieldShell({ name, label, hint, error, children }: { name: string; label: string; hint?: string | undefined; error: string | undefined; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' invalid' : ''}`} data-field={name}>
      <label for={idOf(name)}>{label}</label>
      {children}
      {hint && <p class="hint">{hint}</p>}
      <FieldError error={error} />
    </div>
  );
}

/** A one-line text field; an empty one removes its key. */
export function TextField({ path, label, hint, placeholder, keepEmpty }: FieldProps) {
  const field = useField(path);
  return (
    <FieldShell name={field.name} label={label} hint={hint} error={field.error}>
      <input id={idOf(field.name)} value={typeof field.value === 'string' ? field.value : field.value === undefined ? '' : String(field.value)} placeholder={placeholder} aria-invalid={field.error ? 'true' : undefined} onInput={(event) => field.set(event.currentTarget.value === '' && !keepEmpty ? undefined : event.currentTarget.value)} />
    </FieldShell>
  );
}

/** A multi-line text field (prompts, message contents). */
export function TextArea({ path, label, hint, placeholder, keepEmpty, rows = 3 }: FieldProps & { rows?: number }) {
  const field = useField(path);
  return (
    <FieldShell name={field.name} label={label} hint={hint} error={field.error}>
      <textarea id={idOf(field.name)} rows={rows} value={typeof field.value === 'string' ? field.value : ''} placeholder={placeholder} aria-invalid={field.error ? 'true' : undefined} onInput={(event) => field.set(event.currentTarget.value === '' && !keepEmpty ? undefined : event.currentTarget.value)} />
    </FieldShell>
  );
}

/** A number typed as text: kept as a number when it is one, else as typed (the backend names the field). */
export function NumberField({ path, label, hint, placeholder }: FieldProps) {
  const field = useField(path);
  const shown = field.value === undefined ? '' : String(field.value);
  return (
    <FieldShell name={field.name} label={label} hint={hint} error={field.error}>
      <input id={idOf(field.name)} inputMode="decimal" value={shown} placeholder={placeholder} aria-invalid={field.error ? 'true' : undefined} onInput={(event) => field.set(parseNumber(event.currentTarget.value))} />
    </FieldShell>
  );
}

export function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

/** A choice; the empty option removes the key. */
export function SelectField({ path, label, hint, options, emptyLabel }: FieldProps & { options: readonly (readonly [string, string])[]; emptyLabel?: string }) {
  const field = useField(path);
  const current = typeof field.value === 'string' ? field.value : '';
  const known = options.some(([value]) => value === current);
  return (
    <FieldShell name={field.name} label={label} hint={hint} error={field.error}>
      <select id={idOf(field.name)} value={current} aria-invalid={field.error ? 'true' : undefined} onChange={(event) => field.set(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {!known && current !== '' && <option value={current}>{current}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

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
