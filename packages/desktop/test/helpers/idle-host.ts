import { join } from 'node:path';
import { createDefaultClient } from '../../src/host/defaults.js';
import { SentinelHost } from '../../src/host/host.js';
import { providerKeyStores } from '../../src/host/provider-keys.js';
import { PLAINTEXT_CODEC } from '../../src/host/secret-store.js';

/** A real browser-mode host whose backend is never started (for the HTTP adapter's own rules). */
export function idleHost(dir: string): SentinelHost {
  return new SentinelHost({
    mode: 'browser',
    sidecarPath: '/nonexistent/sentinel-backend.cjs',
    dataDir: join(dir, 'data'),
    stateDir: dir,
    keyStores: providerKeyStores(dir, PLAINTEXT_CODEC),
    createSupervisor: () => {
      throw new Error('the backend is not started in these tests');
    },
    // The real client: with no backend it answers BACKEND_UNAVAILABLE.
    createClient: createDefaultClient,
  });
}
