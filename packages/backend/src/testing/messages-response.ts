import { randomBytes } from 'node:crypto';
import type { StubBehavior, StubRequest } from './stub-behavior.js';
import { errorTypeFor } from './stub-behavior.js';

interface MessageParam {
  readonly role?: unknown;
  readonly content?: unknown;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: unknown) =>
      typeof block === 'object' && block !== null && 'text' in block ? String(block.text) : '',
    )
    .join('');
}

/** The text of the last user message in a Messages API request body. */
export function lastUserText(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('messages' in body)) return '';
  const messages = Array.isArray(body.messages) ? (body.messages as MessageParam[]) : [];
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  return lastUser === undefined ? '' : contentText(lastUser.content);
}

/** A rough token count (4 characters a token), enough for realistic `usage` numbers. */
function approximateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function requestModel(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'model' in body && typeof body.model === 'string') {
    return body.model;
  }
  return 'claude-stub';
}

/** A Messages API success body (`type: 'message'`) for the behaviour and request. */
export function messageBody(behavior: StubBehavior, request: StubRequest): Record<string, unknown> {
  const prompt = lastUserText(request.body);
  const text =
    typeof behavior.text === 'function' ? behavior.text(request) : (behavior.text ?? `Stub reply to: ${prompt}`);
  const system =
    typeof request.body === 'object' && request.body !== null && 'system' in request.body
      ? contentText(request.body.system)
      : '';
  return {
    id: `msg_stub_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: requestModel(request.body),
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: approximateTokens(prompt + system),
      output_tokens: approximateTokens(text),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}

/** Anthropic's error JSON: `{ type: 'error', error: { type, message }, request_id }`. */
export function errorBody(status: number, type?: string, message?: string): Record<string, unknown> {
  return {
    type: 'error',
    error: { type: type ?? errorTypeFor(status), message: message ?? `Stub error ${status}` },
    request_id: `req_stub_${randomBytes(8).toString('hex')}`,
  };
}
