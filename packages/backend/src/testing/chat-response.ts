import { randomBytes } from 'node:crypto';
import { approximateTokens, contentText, lastUserText, messagesOf, requestModel } from './stub-body.js';
import { textFor, toolCallsFor, type StubBehavior, type StubError, type StubRequest } from './stub-behavior.js';

function typeFor(status: number): string {
  if (status === 429) return 'requests';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

const CODES: Readonly<Record<number, string>> = { 401: 'invalid_api_key', 404: 'model_not_found', 429: 'rate_limit_exceeded' };

/** OpenAI's error JSON: `{ error: { message, type, param, code } }`. */
export function errorBody(error: StubError): Record<string, unknown> {
  return {
    error: {
      message: error.message ?? `Stub error ${error.status}`,
      type: error.type ?? typeFor(error.status),
      param: error.param ?? null,
      code: error.code === undefined ? (CODES[error.status] ?? null) : error.code,
    },
  };
}

function usageOf(behavior: StubBehavior, request: StubRequest, text: string): Record<string, unknown> {
  const prompt = messagesOf(request.body).map((message) => contentText(message.content)).join('\n');
  const usage = behavior.usage ?? { input_tokens: approximateTokens(prompt), output_tokens: approximateTokens(text) };
  return {
    prompt_tokens: usage.input_tokens,
    completion_tokens: usage.output_tokens,
    total_tokens: usage.input_tokens + usage.output_tokens,
    prompt_tokens_details: { cached_tokens: usage.cached_input_tokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** A Chat Completions success body (`object: 'chat.completion'`): one choice, tool calls, usage. */
export function completionBody(behavior: StubBehavior, request: StubRequest): Record<string, unknown> {
  const toolCalls = toolCallsFor(behavior, request).map((call) => ({
    id: call.id ?? `call_stub_${randomBytes(10).toString('hex')}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
  const text = textFor(behavior, request, lastUserText(request.body), toolCalls.length > 0);
  const message = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
    refusal: null,
    annotations: [],
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
  return {
    id: `chatcmpl-stub${randomBytes(12).toString('hex')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: behavior.model ?? requestModel(request.body, 'gpt-stub'),
    choices: [{ index: 0, message, logprobs: null, finish_reason: behavior.stopReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop') }],
    usage: usageOf(behavior, request, text),
    service_tier: 'default',
    system_fingerprint: 'fp_stub',
  };
}

/** `GET /v1/models`: `{ object: 'list', data: [...] }`. */
export function modelList(models: readonly string[]): Record<string, unknown> {
  return { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_767_225_600, owned_by: 'openai' })) };
}

/** OpenAI's answer to a wrong key names it masked, as the real API does. */
export function maskedKey(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}***${key.slice(-4)}`;
}
