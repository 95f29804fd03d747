import { useState } from 'preact/hooks';
import type { ProviderName } from '@sentinel/backend/contract';
import type { ProviderKeyView, WorkspaceSettings } from '../../../../shared/workspace-bridge.js';
import { toUiError } from '../../bridge/ui-error.js';
import { FieldError } from '../../components/states.js';
import { useApp } from '../../shell/context.js';

const LABELS: Readonly<Record<ProviderName, { label: string; placeholder: string }>> = {
  anthropic: { label: 'Anthropic', placeholder: 'sk-ant-…' },
  openai: { label: 'OpenAI', placeholder: 'sk-…' },
};

type Status = { readonly tone: 'info' | 'success' | 'error'; readonly text: string } | null;

/** One provider's key: masked when stored; a new one is checked with the provider before it is saved. */
export function ProviderKeyRow({ view, onSettings }: { view: ProviderKeyView; onSettings: (settings: WorkspaceSettings) => void }) {
  const { bridge } = useApp();
  const { label, placeholder } = LABELS[view.provider];
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const inputId = `key-${view.provider}`;

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy || key.trim() === '') return;
    setBusy(true);
    setFieldError(undefined);
    setStatus({ tone: 'info', text: `Checking the key with ${label}…` });
    try {
      // The host checks the key with the provider first (the backend's provider verify): a refused key is not stored.
      onSettings(await bridge.saveProviderKey(view.provider, key.trim()));
      setKey('');
      setStatus({ tone: 'success', text: `${label} accepted the key. Saved; it is only ever shown masked.` });
    } catch (error) {
      setStatus(null);
      setFieldError(toUiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const check = (): void => {
    setStatus({ tone: 'info', text: `Checking the stored key with ${label}…` });
    bridge.verifyProviderKey(view.provider).then(
      (verdict) => setStatus({ tone: verdict.ok ? 'success' : 'error', text: verdict.message }),
      (error: unknown) => setStatus({ tone: 'error', text: toUiError(error).message }),
    );
  };

  const remove = (): void => {
    bridge.removeProviderKey(view.provider).then(
      (settings) => (onSettings(settings), setStatus({ tone: 'info', text: `The ${label} key was removed.` })),
      (error: unknown) => setStatus({ tone: 'error', text: toUiError(error).message }),
    );
  };

  return (
    <form class="provider-key" data-provider={view.provider} onSubmit={(event) => void save(event)}>
      <h3>{label}</h3>
      <p class="key-current">
        <span class="muted">Current key</span>
        <code class="masked-key">{view.masked_key ?? 'not set'}</code>
        {view.configured && (
          <>
            <button type="button" class="button ghost" onClick={check}>
              Check it
            </button>
            <button type="button" class="button ghost danger" onClick={remove}>
              Remove
            </button>
          </>
        )}
      </p>
      <div class={`field${fieldError ? ' invalid' : ''}`} data-field="key">
        <label for={inputId}>{view.configured ? `Replace the ${label} key` : `Add an ${label} key (optional)`}</label>
        <div class="key-row">
          <input id={inputId} type="password" autocomplete="off" spellcheck={false} placeholder={placeholder} value={key} aria-invalid={fieldError ? 'true' : undefined} onInput={(event) => setKey(event.currentTarget.value)} />
          <button type="submit" class="button primary" disabled={busy || key.trim() === ''}>
            {busy ? 'Checking…' : 'Check and save'}
          </button>
        </div>
        <FieldError error={fieldError} />
      </div>
      {status && (
        <p class={`notice ${status.tone}`} role="status">
          {status.text}
        </p>
      )}
    </form>
  );
}
