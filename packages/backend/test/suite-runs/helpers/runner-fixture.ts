import { createProviderRegistry, type ProviderRegistry } from '../../../src/providers/index.js';
import { openSqliteStore, type SqliteHistoryStore } from '../../../src/store/index.js';
import { createSuiteRunner, type SuiteRunner, type SuiteRunnerOptions } from '../../../src/suite-runs/index.js';
import { startAnthropicStub, startOpenAIStub, type ProviderStub } from '../../../src/testing/index.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

export const ANTHROPIC_KEY = 'sk-ant-suite-test-0123456789';
export const OPENAI_KEY = 'sk-openai-suite-test-0123456789';

/** A real runner over a real store and both providers' SDKs against local stubs. */
export interface RunnerFixture {
  readonly anthropic: ProviderStub;
  readonly openai: ProviderStub;
  readonly providers: ProviderRegistry;
  readonly store: SqliteHistoryStore;
  readonly runner: SuiteRunner;
  readonly dataDir: string;
  readonly logs: Array<{ level: string; fields: object; message: string | undefined }>;
}

export interface RunnerFixtureOptions {
  /** SDK retries. @default 0 */
  readonly maxRetries?: number;
  /** Configure an OpenAI key. @default true */
  readonly openaiKey?: boolean;
  /** The store's clock. @default Date.now */
  readonly now?: () => number;
  readonly runner?: Partial<Omit<SuiteRunnerOptions, 'store' | 'providers'>>;
  /** Reuse this data directory (a second runner on the same history). */
  readonly dataDir?: string;
}

const open: Array<() => Promise<void>> = [];

export async function startRunner(options: RunnerFixtureOptions = {}): Promise<RunnerFixture> {
  const anthropic = await startAnthropicStub();
  open.push(() => anthropic.close());
  const openai = await startOpenAIStub();
  open.push(() => openai.close());
  const dataDir = options.dataDir ?? (await makeTempDir());
  const { store } = await openSqliteStore({ dataDir, ...(options.now === undefined ? {} : { now: options.now }) });
  open.push(() => store.close());
  const providers = createProviderRegistry({
    anthropic: { apiKey: ANTHROPIC_KEY, baseUrl: anthropic.baseUrl },
    openai: options.openaiKey === false ? { baseUrl: openai.baseUrl } : { apiKey: OPENAI_KEY, baseUrl: openai.baseUrl },
    maxRetries: options.maxRetries ?? 0,
  });
  const logs: RunnerFixture['logs'] = [];
  const log = (level: string) => (fields: object, message?: string) => logs.push({ level, fields, message });
  const runner = createSuiteRunner({ store, providers, logger: { info: log('info'), warn: log('warn'), error: log('error') }, ...options.runner });
  open.push(async () => {
    await runner.drain(0);
  });
  return { anthropic, openai, providers, store, runner, dataDir, logs };
}

/** Drains every runner, closes stores and stubs (afterEach). */
export async function closeRunners(): Promise<void> {
  for (const close of open.splice(0).reverse()) await close();
}
