import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderName } from '../../../src/contract/providers.js';
import type { ResolvedRequest } from '../../../src/contract/spec.js';
import { createProviderRegistry } from '../../../src/providers/registry.js';
import type { ProviderRegistry, ProviderRegistryOptions } from '../../../src/providers/types.js';
import { startAnthropicStub, startOpenAIStub, type ProviderStub, type StubOptions } from '../../../src/testing/index.js';

export const ANTHROPIC_KEY = 'sk-ant-test-key-0123456789abcdef';
export const OPENAI_KEY = 'sk-proj-test-key-fedcba9876543210';

/** What differs between the two providers in a test that runs for both. */
export interface ProviderCase {
  readonly provider: ProviderName;
  readonly label: string;
  readonly key: string;
  readonly model: string;
  readonly startStub: (options?: StubOptions) => Promise<ProviderStub>;
  /** The overload status each provider answers: 529 for Anthropic, 503 for OpenAI. */
  readonly overloadStatus: number;
}

export const PROVIDER_CASES: readonly ProviderCase[] = [
  { provider: 'anthropic', label: 'Anthropic', key: ANTHROPIC_KEY, model: 'claude-sonnet-4-6', startStub: startAnthropicStub, overloadStatus: 529 },
  { provider: 'openai', label: 'OpenAI', key: OPENAI_KEY, model: 'gpt-4.1', startStub: startOpenAIStub, overloadStatus: 503 },
];

const cleanups: Array<() => Promise<void>> = [];

/** A stub for the case, closed by `closeProviderFixtures()`. */
export async function stubFor(providerCase: ProviderCase, options?: StubOptions): Promise<ProviderStub> {
  const stub = await providerCase.startStub(options);
  cleanups.push(() => stub.close());
  return stub;
}

/** A registry whose provider of the case points at `baseUrl` with the case's key (no retries unless overridden). */
export function registryFor(providerCase: ProviderCase, baseUrl: string, overrides: ProviderRegistryOptions = {}): ProviderRegistry {
  return createProviderRegistry({ maxRetries: 0, [providerCase.provider]: { apiKey: providerCase.key, baseUrl }, ...overrides });
}

/** A minimal resolved request for the case, with fields overridable. */
export function requestFor(providerCase: ProviderCase, overrides: Partial<ResolvedRequest> = {}): ResolvedRequest {
  return {
    provider: providerCase.provider,
    model: providerCase.model,
    messages: [{ role: 'user', content: 'What is the capital of France?' }],
    max_tokens: 64,
    ...overrides,
  };
}

/** A base URL where nothing listens (a port just closed). */
export async function closedPortUrl(path = ''): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

/** Resolves with what the promise rejected with (fails the test if it fulfilled). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected a rejection, but the promise fulfilled');
}

export async function closeProviderFixtures(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}
