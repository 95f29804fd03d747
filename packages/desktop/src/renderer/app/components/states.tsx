import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { UiError } from '../bridge/ui-error.js';

/** After this long, a loading state says it is still waiting (nothing hangs without saying so). */
const SLOW_MS = 5_000;

export function Loading({ label }: { label: string }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), SLOW_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div class="state loading" role="status" aria-busy="true">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
      {slow && <span class="muted"> Still waiting for the backend; it answers or reports an error within 30 s.</span>}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state empty">
      <p class="state-title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ title, error, onRetry }: { title: string; error: UiError; onRetry?: () => void }) {
  return (
    <div class="state error" role="alert" data-code={error.code}>
      <p class="state-title">{title}</p>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Inline error under a form field or a section. */
export function FieldError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="field-error" role="alert">
      {error}
    </p>
  );
}
