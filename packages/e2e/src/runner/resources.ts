import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChaosTarget } from '../config/chaos-options.js';
import { startAnthropicStub, type ChaosAnthropicStub } from '../client/backend-modules.js';
import type { RunResources } from './target-config.js';

/** Per-run resources: a token, temp data and runtime directories, the Anthropic stub. */
export interface OwnedResources extends RunResources {
  readonly stub: ChaosAnthropicStub | undefined;
  dispose(): Promise<void>;
}

export async function createResources(target: ChaosTarget): Promise<OwnedResources> {
  const root = await mkdtemp(join(tmpdir(), 'sentinel-chaos-'));
  const stub = target.kind === 'sentinel' ? await startAnthropicStub() : undefined;
  return {
    token: randomBytes(24).toString('base64url'),
    dataDir: join(root, 'data'),
    runtimeDir: join(root, 'runtime'),
    ...(stub === undefined ? {} : { anthropicUrl: stub.url }),
    floodFile: join(root, 'flood.txt'),
    stub,
    async dispose() {
      await stub?.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
