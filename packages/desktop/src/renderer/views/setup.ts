import type { SettingsView } from '../../shared/types.js';
import { h } from '../dom.js';

/** The key form used by first-run setup and by Settings. */
export function apiKeyForm(options: { label: string; submitLabel: string; onSave: (key: string) => Promise<void> }): HTMLFormElement {
  const input = h('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', spellcheck: 'false', placeholder: 'sk-ant-…', required: true });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'button primary' }, options.submitLabel);
  const form = h('form', { class: 'key-form' }, h('label', { for: 'api-key' }, options.label), h('div', { class: 'key-row' }, input, button), error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    button.textContent = 'Saving…';
    options
      .onSave(input.value)
      .then(() => (input.value = ''))
      .catch((reason: unknown) => (error.textContent = reason instanceof Error ? reason.message : String(reason)))
      .finally(() => {
        button.disabled = false;
        button.textContent = options.submitLabel;
      });
  });
  return form;
}

/** First run: no API key yet. */
export function setupView(settings: SettingsView, onSave: (key: string) => Promise<void>): HTMLElement {
  return h(
    'section',
    { class: 'card setup', 'aria-labelledby': 'setup-title' },
    h('h1', { id: 'setup-title' }, 'Welcome to Sentinel'),
    h('p', { class: 'lead' }, 'Sentinel runs your prompts against Claude and checks the answers. To begin, add your Anthropic API key.'),
    apiKeyForm({ label: 'Anthropic API key', submitLabel: 'Save and continue', onSave }),
    h('p', { class: 'hint' }, `${settings.storageLabel}. You can change or remove it later in Settings.`),
  );
}
