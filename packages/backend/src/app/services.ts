import { join } from 'node:path';
import { DEFAULT_WORKSPACE_FOLDER } from '../library/workspace.js';
import type { Library } from '../library/index.js';
import { createProviderRegistry, type ProviderRegistry } from '../providers/index.js';
import { openSqliteStore, type HistoryStore, type StoreStats } from '../store/index.js';
import type { SuiteRunner, SuiteRunnerLogger } from '../suite-runs/types.js';
import type { BackendAppOptions } from './app-options.js';
import { deferredLibrary } from './deferred-library.js';
import { deferredSuiteRunner } from './deferred-suite-runner.js';

/** What the routes work on: the history store, the providers, the library and the suite runner. */
export interface BackendServices {
  readonly store: HistoryStore;
  readonly storeStats: StoreStats;
  readonly providers: ProviderRegistry;
  readonly library: Library;
  readonly suiteRunner: SuiteRunner;
}

/**
 * Opens the history store (locking the data directory) and builds the providers, the library
 * and the suite runner (both loaded on first use; the runner's model calls are cut by `options.abortSignal`).
 */
export async function openServices(options: BackendAppOptions, logger: SuiteRunnerLogger): Promise<BackendServices> {
  const { store, stats } = await openSqliteStore({ dataDir: options.dataDir });
  const providers = createProviderRegistry({
    anthropic: { apiKey: options.anthropicApiKey, baseUrl: options.anthropicBaseUrl },
    openai: { apiKey: options.openaiApiKey, baseUrl: options.openaiBaseUrl },
    timeoutMs: options.modelTimeoutMs,
    maxRetries: options.modelMaxRetries,
  });
  const workspaceDir = options.workspaceDir ?? join(options.dataDir, DEFAULT_WORKSPACE_FOLDER);
  const library = deferredLibrary(workspaceDir);
  const suiteRunner = deferredSuiteRunner({ store, providers, logger, ...(options.abortSignal === undefined ? {} : { signal: options.abortSignal }) });
  return { store, storeStats: stats, providers, library, suiteRunner };
}
