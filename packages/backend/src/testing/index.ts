export { startAnthropicStub, type AnthropicStub, type AnthropicStubOptions } from './anthropic-stub.js';
export type { StubBehavior, StubBehaviorSource, StubError, StubRequest } from './stub-behavior.js';
