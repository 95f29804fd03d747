import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicStub, type AnthropicStub } from '../src/testing/index.js';

const stubs: AnthropicStub[] = [];

afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function stubWith(...args: Parameters<typeof startAnthropicStub>): Promise<AnthropicStub> {
  const stub = await startAnthropicStub(...args);
  stubs.push(stub);
  return stub;
}

function post(stub: AnthropicStub, body: unknown, headers: Record<string, string> = { 'x-api-key': 'k' }): Promise<Response> {
  return fetch(`${stub.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const request = { model: 'claude-x', max_tokens: 10, system: 'be brief', messages: [{ role: 'user', content: 'hello there' }] };

describe('startAnthropicStub', () => {
  it('answers a Messages API message with usage and records the request', async () => {
    const stub = await stubWith();
    const response = await post(stub, request);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-x',
      stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'Stub reply to: hello there' }],
    });
    expect(body.id).toMatch(/^msg_/);
    expect(body.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) });
    expect(stub.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages', apiKey: 'k', body: request });
  });

  it('answers errors in Anthropic error JSON', async () => {
    const stub = await stubWith({ behavior: { error: { status: 529 } } });
    const response = await post(stub, request);
    expect(response.status).toBe(529);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Stub error 529' } });
  });

  it('answers 401 authentication_error without a key, 404 for other paths', async () => {
    const stub = await stubWith();
    expect((await post(stub, request, {})).status).toBe(401);
    const other = await fetch(`${stub.url}/v1/complete`, { method: 'POST' });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { type: string } }).error.type).toBe('not_found_error');
  });

  it('delays the answer by delayMs and can choose a behaviour per request', async () => {
    const stub = await stubWith();
    stub.setBehavior((_request, index) => (index === 0 ? { text: 'first', delayMs: 150 } : { text: 'second' }));
    const started = performance.now();
    const first = (await (await post(stub, request)).json()) as { content: Array<{ text: string }> };
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const second = (await (await post(stub, request)).json()) as { content: Array<{ text: string }> };
    expect([first.content[0]?.text, second.content[0]?.text]).toEqual(['first', 'second']);
  });

  it('close() cuts a hanging request and is idempotent', async () => {
    let received: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const stub = await stubWith({ behavior: () => (received(), { hang: true }) });
    const pending = post(stub, request).then(() => 'answered', () => 'cut');
    await arrived;
    await Promise.all([stub.close(), stub.close()]);
    expect(await pending).toBe('cut');
  });
});
