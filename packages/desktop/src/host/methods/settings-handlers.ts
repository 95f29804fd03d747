import { DESKTOP_ERROR_CODES, DesktopError } from '../errors.js';
import { PROVIDER_LABELS } from '../provider-keys.js';
import { apiKey, providerName } from '../validate.js';
import type { HandlerGroup } from './handlers.js';
import type { HostServices } from './services.js';

/** Provider keys (checked with the provider before they are stored) and the workspace folder; each change restarts the backend. */
export function settingsHandlers(services: HostServices): HandlerGroup<'getSettings' | 'saveProviderKey' | 'removeProviderKey' | 'setWorkspaceFolder'> {
  const { client, keys, workspace } = services;
  return {
    getSettings: async () => services.settings(),
    saveProviderKey: async (provider, key) => {
      const name = providerName(provider);
      const valid = apiKey(key);
      // The backend's provider check, with the typed key for that one call: a refused key is never stored.
      const verdict = await client.verifyProvider(name, valid);
      if (!verdict.ok) {
        const details = { field: 'key', provider: name, upstream_status: verdict.upstream_status };
        throw new DesktopError(DESKTOP_ERROR_CODES.KEY_REJECTED, `${verdict.message}. The ${PROVIDER_LABELS[name]} key was not saved.`, { details });
      }
      return services.reconfigure(() => keys.save(name, valid));
    },
    removeProviderKey: async (provider) => {
      const name = providerName(provider);
      return services.reconfigure(() => keys.remove(name));
    },
    setWorkspaceFolder: async (path) => services.reconfigure(() => workspace.choose(path)),
  };
}
