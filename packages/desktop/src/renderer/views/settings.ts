import type { SettingsView } from '../../shared/types.js';
import { h } from '../dom.js';
import { apiKeyForm } from './setup.js';

export function settingsView(settings: SettingsView, actions: { save: (key: string) => Promise<void>; remove: () => Promise<void> }): HTMLElement {
  const removeButton = h('button', { type: 'button', class: 'button danger', onclick: () => void actions.remove() }, 'Remove key');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'settings-title' },
    h('h1', { id: 'settings-title' }, 'Settings'),
    h('h2', {}, 'Anthropic API key'),
    h(
      'div',
      { class: 'key-current' },
      h('span', { class: 'muted' }, 'Current key'),
      h('code', { id: 'masked-key' }, settings.maskedKey ?? 'none'),
      settings.hasApiKey ? removeButton : '',
    ),
    h('p', { class: 'hint' }, settings.storageLabel + '.'),
    apiKeyForm({ label: settings.hasApiKey ? 'Replace with a new key' : 'Add a key', submitLabel: 'Save key', onSave: actions.save }),
    notificationSetting(),
  );
}

/** Browser mode: OS notifications need the browser's permission, asked for only when the user clicks. */
function notificationSetting(): Node | string {
  if (document.body.dataset.mode !== 'browser' || !('Notification' in window)) return '';
  const state = h('span', { class: 'muted' });
  const describe = (): void => {
    const permission = Notification.permission;
    state.textContent = permission === 'granted' ? 'On' : permission === 'denied' ? 'Blocked in this browser' : 'Off';
    button.hidden = permission !== 'default';
  };
  const button = h('button', { type: 'button', class: 'button' }, 'Turn on');
  button.addEventListener('click', () => void Notification.requestPermission().then(describe));
  describe();
  return h('div', {}, h('h2', { class: 'section-gap' }, 'Notifications'), h('p', { class: 'key-current' }, h('span', {}, 'Tell me when the backend stops or comes back:'), state, button));
}
