import { errorBody, messageBody, modelPage } from './messages-response.js';
import { startStubServer, type ProviderStub, type StubOptions, type StubProtocol } from './stub-server.js';

/** Options of {@link startAnthropicStub}. */
export type AnthropicStubOptions = StubOptions;

/** A running stub of Anthropic's API (`baseUrl` equals `url`). */
export type AnthropicStub = ProviderStub;

const ANTHROPIC: StubProtocol = {
  modelPath: '/v1/messages',
  basePath: '',
  requestIdHeader: 'request-id',
  defaultModels: ['claude-opus-4-7', 'claude-sonnet-4-6', 'claude-haiku-4-5-20251001'],
  errorBody,
  missingKey: () => ({ status: 401, message: 'x-api-key header is required' }),
  wrongKey: () => ({ status: 401, message: 'invalid x-api-key' }),
  notFound: (method, path) => ({ status: 404, message: `Not found: ${method} ${path}` }),
  invalidJson: () => ({ status: 400, message: 'Request body is not valid JSON' }),
  modelAnswer: messageBody,
  modelList: modelPage,
};

/**
 * Starts a local HTTP server speaking Anthropic's API closely enough for the real
 * `@anthropic-ai/sdk`: `POST /v1/messages` (text and `tool_use` answers, usage, Anthropic's error
 * JSON for any status, 529 included, and any headers such as `retry-after`), `GET /v1/models`,
 * 401 without a key (or with a wrong one, given `apiKey`). Never use the real API in tests.
 */
export function startAnthropicStub(options: AnthropicStubOptions = {}): Promise<AnthropicStub> {
  return startStubServer(ANTHROPIC, options);
}
