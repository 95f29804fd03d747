import type { SettingsView } from '../shared/types.js';
import { maskApiKey } from './mask.js';
import type { SecretStore } from './secret-store.js';

/** What the renderer may know about the stored key: whether there is one, masked, and how it is kept. */
export function settingsView(store: Pick<SecretStore, 'kind'>, apiKey: string | undefined): SettingsView {
  const encrypted = store.kind === 'encrypted';
  return {
    hasApiKey: apiKey !== undefined,
    maskedKey: apiKey === undefined ? null : maskApiKey(apiKey),
    storage: store.kind,
    storageLabel: encrypted ? 'Stored encrypted with the system keychain' : 'Stored unencrypted in a file only you can read (browser mode)',
  };
}
