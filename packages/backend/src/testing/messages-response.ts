import { randomBytes } from 'node:crypto';
import { approximateTokens, contentText, lastUserText, requestModel } from './stub-body.js';
import { textFor, toolCallsFor, type StubBehavior, type StubError, type StubRequest } from './stub-behavior.js';

const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** Anthropic's error type for an HTTP status. */
export function errorTypeFor(status: number): string {
  return ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** Anthropic's error JSON: `{ type: 'error', error: { type, message }, request_id }`. */
export function errorBody(error: StubError): Record<string, unknown> {
  return {
    type: 'error',
    error: { type: error.type ?? errorTypeFor(error.status), message: error.message ?? `Stub error ${error.status}` },
    request_id: `req_stub_${randomBytes(8).toString('hex')}`,
  };
}

function usageOf(behavior: StubBehavior, request: StubRequest, prompt: string, text: string): Record<string, number> {
  const system = typeof request.body === 'object' && request.body !== null && 'system' in request.body ? contentText(request.body.system) : '';
  const usage = behavior.usage ?? { input_tokens: approximateTokens(prompt + system), output_tokens: approximateTokens(text) };
  const cached = usage.cached_input_tokens ?? 0;
  // Anthropic's input_tokens leaves out the tokens read from (or written to) the prompt cache.
  return { input_tokens: usage.input_tokens - cached, output_tokens: usage.output_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: cached };
}

/** A Messages API success body (`type: 'message'`): text, `tool_use` blocks, usage. */
export function messageBody(behavior: StubBehavior, request: StubRequest): Record<string, unknown> {
  const prompt = lastUserText(request.body);
  const toolCalls = toolCallsFor(behavior, request);
  const text = textFor(behavior, request, prompt, toolCalls.length > 0);
  const toolBlocks = toolCalls.map((call) => ({ type: 'tool_use', id: call.id ?? `toolu_stub_${randomBytes(10).toString('hex')}`, name: call.name, input: call.arguments }));
  return {
    id: `msg_stub_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: behavior.model ?? requestModel(request.body, 'claude-stub'),
    content: [...(text === '' && toolBlocks.length > 0 ? [] : [{ type: 'text', text }]), ...toolBlocks],
    stop_reason: behavior.stopReason ?? (toolBlocks.length > 0 ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    usage: usageOf(behavior, request, prompt, text),
  };
}

/** `GET /v1/models`: one page listing every id. */
export function modelPage(models: readonly string[]): Record<string, unknown> {
  return {
    data: models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2026-01-01T00:00:00Z' })),
    has_more: false,
    first_id: models[0] ?? null,
    last_id: models.at(-1) ?? null,
  };
}
