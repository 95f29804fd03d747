import { startAnthropicStub, startOpenAIStub, type ProviderStub, type StubBehaviorSource } from '../../../src/testing/index.js';

export const ANTHROPIC_KEY = 'sk-ant-cli-test-0123456789abcdef';
export const OPENAI_KEY = 'sk-proj-cli-test-fedcba9876543210';

/** Both provider stubs (closed by the returned function) and the environment that points the CLI at them. */
export interface Stubs {
  readonly anthropic: ProviderStub;
  readonly openai: ProviderStub;
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts both stubs, each answering with `behavior` (a text reply by default: "Stub reply to: <prompt>"). */
export async function startStubs(behavior: { anthropic?: StubBehaviorSource; openai?: StubBehaviorSource } = {}): Promise<Stubs> {
  const anthropic = await startAnthropicStub({ apiKey: ANTHROPIC_KEY, ...(behavior.anthropic === undefined ? {} : { behavior: behavior.anthropic }) });
  const openai = await startOpenAIStub({ apiKey: OPENAI_KEY, ...(behavior.openai === undefined ? {} : { behavior: behavior.openai }) });
  return {
    anthropic,
    openai,
    env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: anthropic.baseUrl, OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: openai.baseUrl, SENTINEL_MODEL_MAX_RETRIES: '0' },
    close: async () => {
      await Promise.all([anthropic.close(), openai.close()]);
    },
  };
}

/** Model calls a stub answered (any status), all request bodies together. */
export const modelCalls = (stub: ProviderStub): number => stub.callsByRequest().reduce((total, group) => total + group.count, 0);
