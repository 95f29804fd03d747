import { completionBody, errorBody, maskedKey, modelList } from './chat-response.js';
import { startStubServer, type ProviderStub, type StubOptions, type StubProtocol } from './stub-server.js';

/** Options of {@link startOpenAIStub}. */
export type OpenAIStubOptions = StubOptions;

/** A running stub of OpenAI's API (`baseUrl` is `url` + `/v1`, as `OPENAI_BASE_URL` expects). */
export type OpenAIStub = ProviderStub;

const OPENAI: StubProtocol = {
  modelPath: '/v1/chat/completions',
  basePath: '/v1',
  requestIdHeader: 'x-request-id',
  defaultModels: ['gpt-5.4', 'gpt-5.4-mini', 'gpt-4.1', 'o4-mini'],
  errorBody,
  missingKey: () => ({ status: 401, code: null, message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)." }),
  wrongKey: (key) => ({ status: 401, message: `Incorrect API key provided: ${maskedKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.` }),
  notFound: (method, path) => ({ status: 404, code: 'unknown_url', message: `Invalid URL (${method} ${path})` }),
  invalidJson: () => ({ status: 400, message: 'We could not parse the JSON body of your request.' }),
  modelAnswer: completionBody,
  modelList,
};

/**
 * Starts a local HTTP server speaking OpenAI's API closely enough for the real `openai` SDK:
 * `POST /v1/chat/completions` (text and `tool_calls` answers, usage with cached tokens, OpenAI's
 * error JSON for any status, 429 and 503 included, and any headers such as `retry-after`),
 * `GET /v1/models`, 401 without a key (or with a wrong one, given `apiKey`). Never use the real API in tests.
 */
export function startOpenAIStub(options: OpenAIStubOptions = {}): Promise<OpenAIStub> {
  return startStubServer(OPENAI, options);
}
