export { startAnthropicStub, type AnthropicStub, type AnthropicStubOptions } from './anthropic-stub.js';
export { startOpenAIStub, type OpenAIStub, type OpenAIStubOptions } from './openai-stub.js';
export type { ProviderStub, StubCallGroup, StubOptions } from './stub-server.js';
export { requestBodyHash } from './stub-body.js';
export type { StubBehavior, StubBehaviorSource, StubError, StubRequest, StubToolCall, StubUsage } from './stub-behavior.js';
