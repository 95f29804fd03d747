import { join } from 'node:path';
import { SentinelHost } from '../../src/host/host.js';
import { FileSecretStore, PLAINTEXT_CODEC } from '../../src/host/secret-store.js';

/** A real browser-mode host whose backend is never started (for the HTTP adapter's own rules). */
export function idleHost(dir: string): SentinelHost {
  return new SentinelHost({
    mode: 'browser',
    sidecarPath: '/nonexistent/sentinel-backend.mjs',
    dataDir: dir,
    secretStore: new FileSecretStore(join(dir, 'key'), PLAINTEXT_CODEC),
    createSupervisor: () => {
      throw new Error('the backend is not started in these tests');
    },
    createClient: () => {
      throw new Error('the backend is not started in these tests');
    },
  });
}
