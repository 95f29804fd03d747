import { createProviderRegistry, type ProviderRegistry } from '../../src/providers/index.js';
import { openSqliteStore, type SqliteHistoryStore } from '../../src/store/index.js';
import { startAnthropicStub, startOpenAIStub, type ProviderStub } from '../../src/testing/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

export const ANTHROPIC_KEY = 'sk-ant-engine-test-0123456789';
export const OPENAI_KEY = 'sk-openai-engine-test-0123456789';

/** The real engine's dependencies: both providers through their SDKs against local stubs, a real store. */
export interface EngineFixture {
  readonly anthropic: ProviderStub;
  readonly openai: ProviderStub;
  readonly providers: ProviderRegistry;
  readonly store: SqliteHistoryStore;
  readonly dataDir: string;
}

const open: Array<() => Promise<void>> = [];

/** Starts both stubs and opens a store in a fresh data directory; `keys: false` configures no OpenAI key. */
export async function startEngine(options: { openaiKey?: boolean } = {}): Promise<EngineFixture> {
  const anthropic = await startAnthropicStub();
  open.push(() => anthropic.close());
  const openai = await startOpenAIStub();
  open.push(() => openai.close());
  const dataDir = await makeTempDir();
  const { store } = await openSqliteStore({ dataDir });
  open.push(() => store.close());
  const providers = createProviderRegistry({
    anthropic: { apiKey: ANTHROPIC_KEY, baseUrl: anthropic.baseUrl },
    openai: options.openaiKey === false ? { baseUrl: openai.baseUrl } : { apiKey: OPENAI_KEY, baseUrl: openai.baseUrl },
    maxRetries: 0,
  });
  return { anthropic, openai, providers, store, dataDir };
}

export async function closeEngines(): Promise<void> {
  for (const close of open.splice(0).reverse()) await close();
}

/** Model calls a stub received (its model listing and other routes excluded). */
export function modelCalls(stub: ProviderStub): number {
  return stub.requests.filter((request) => request.method === 'POST').length;
}
