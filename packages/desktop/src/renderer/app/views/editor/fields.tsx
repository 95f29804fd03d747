import type { ComponentChildren } from 'preact';
import { FieldError } from '../../components/states.js';
import type { SpecPath } from '../../spec/paths.js';
import { useField } from './editor-model.js';

/** What every field of the form takes. */
export interface FieldProps {
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
