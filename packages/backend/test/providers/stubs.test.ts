import { afterEach, describe, expect, it } from 'vitest';
import { requestBodyHash, startAnthropicStub, startOpenAIStub, type ProviderStub } from '../../src/testing/index.js';

const stubs: ProviderStub[] = [];

afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function keep(stub: Promise<ProviderStub>): Promise<ProviderStub> {
  stubs.push(await stub);
  return stubs.at(-1)!;
}

function post(url: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const chat = { model: 'gpt-4.1', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hello there' }] };
const bearer = { authorization: 'Bearer sk-test-abcdef123456' };

describe('startOpenAIStub', () => {
  it('answers a chat.completion with usage at baseUrl (origin + /v1), recording the request', async () => {
    const stub = await keep(startOpenAIStub());
    expect(stub.baseUrl).toBe(`${stub.url}/v1`);
    const response = await post(`${stub.baseUrl}/chat/completions`, chat, bearer);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_stub_/);
    expect(await response.json()).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4.1',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Stub reply to: hello there' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), prompt_tokens_details: { cached_tokens: 0 } },
    });
    expect(stub.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', apiKey: 'sk-test-abcdef123456', body: chat, status: 200 });
  });

  it('answers tool_calls with JSON-string arguments and finish_reason tool_calls', async () => {
    const stub = await keep(startOpenAIStub({ behavior: { toolCalls: [{ id: 'call_9', name: 'lookup', arguments: { q: 'x' } }] } }));
    const body = (await (await post(`${stub.baseUrl}/chat/completions`, chat, bearer)).json()) as { choices: Array<Record<string, unknown>> };
    expect(body.choices[0]).toMatchObject({
      message: { content: null, tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }] },
      finish_reason: 'tool_calls',
    });
  });

  it('answers errors in OpenAI error JSON, and 401 without a key or with a wrong one (masked)', async () => {
    const stub = await keep(startOpenAIStub({ apiKey: 'sk-right-key-0000', behavior: { error: { status: 429 }, headers: { 'retry-after': '2' } } }));
    const limited = await post(`${stub.baseUrl}/chat/completions`, chat, { authorization: 'Bearer sk-right-key-0000' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({ error: { message: 'Stub error 429', type: 'requests', param: null, code: 'rate_limit_exceeded' } });
    const wrong = await post(`${stub.baseUrl}/chat/completions`, chat, { authorization: 'Bearer sk-wrong-key-9876' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key', message: expect.stringContaining('sk-***9876') } });
    const missing = await post(`${stub.baseUrl}/chat/completions`, chat, {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/didn't provide an API key/);
    expect((await fetch(`${stub.baseUrl}/completions`, { method: 'POST', headers: bearer })).status).toBe(404);
  });

  it('lists models at GET /v1/models', async () => {
    const stub = await keep(startOpenAIStub({ models: ['gpt-a', 'gpt-b'] }));
    const response = await fetch(`${stub.baseUrl}/models`, { headers: bearer });
    expect(await response.json()).toEqual({
      object: 'list',
      data: [expect.objectContaining({ id: 'gpt-a', object: 'model' }), expect.objectContaining({ id: 'gpt-b', object: 'model' })],
    });
  });
});

describe('startAnthropicStub (new behaviours)', () => {
  const message = { model: 'claude-x', max_tokens: 10, messages: [{ role: 'user', content: 'weather?' }] };
  const key = { 'x-api-key': 'sk-ant-k' };

  it('answers tool_use blocks after the text chosen by the behaviour, with stop_reason tool_use', async () => {
    const stub = await keep(startAnthropicStub({ behavior: { text: 'Let me check.', toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: { city: 'Paris' } }] } }));
    expect(await (await post(`${stub.url}/v1/messages`, message, key)).json()).toMatchObject({
      content: [{ type: 'text', text: 'Let me check.' }, { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } }],
      stop_reason: 'tool_use',
    });
  });

  it('lists models, answers 529 overloaded_error with retry-after, and 401 for a wrong key', async () => {
    const stub = await keep(startAnthropicStub({ apiKey: 'sk-ant-k', models: ['claude-a'] }));
    expect(await (await fetch(`${stub.url}/v1/models`, { headers: key })).json()).toMatchObject({ data: [{ type: 'model', id: 'claude-a' }], has_more: false });
    stub.setBehavior({ error: { status: 529 }, headers: { 'retry-after': '3' } });
    const overloaded = await post(`${stub.url}/v1/messages`, message, key);
    expect([overloaded.status, overloaded.headers.get('retry-after')]).toEqual([529, '3']);
    expect(await overloaded.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
    const wrong = await post(`${stub.url}/v1/messages`, message, { 'x-api-key': 'sk-ant-other' });
    expect(await wrong.json()).toMatchObject({ error: { type: 'authentication_error', message: 'invalid x-api-key' } });
  });
});

describe('call counting (for exactly-once checks)', () => {
  it('groups model calls by a stable hash of the body, counting the 200s, ignoring other routes', async () => {
    const stub = await keep(startOpenAIStub());
    stub.setBehavior((_request, index) => (index === 0 ? { error: { status: 503 } } : {}));
    const url = `${stub.baseUrl}/chat/completions`;
    await post(url, { model: 'gpt-4.1', messages: [{ role: 'user', content: 'a' }] }, bearer);
    await post(url, { messages: [{ content: 'a', role: 'user' }], model: 'gpt-4.1' }, bearer);
    await post(url, { model: 'gpt-4.1', messages: [{ role: 'user', content: 'b' }] }, bearer);
    await fetch(`${stub.baseUrl}/models`, { headers: bearer });
    const groups = stub.callsByRequest();
    expect(groups.map(({ count, succeeded }) => ({ count, succeeded }))).toEqual([{ count: 2, succeeded: 1 }, { count: 1, succeeded: 1 }]);
    expect(groups[0]?.hash).toBe(requestBodyHash({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'a' }] }));
    expect(groups[0]?.requests.map((request) => request.status)).toEqual([503, 200]);
  });

  it('hashes equal values alike whatever their key order, and different values apart', () => {
    expect(requestBodyHash({ a: 1, b: { c: [1, 2], d: null } })).toBe(requestBodyHash({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(requestBodyHash({ a: [1, 2] })).not.toBe(requestBodyHash({ a: [2, 1] }));
    expect(requestBodyHash(undefined, 'not json')).not.toBe(requestBodyHash(undefined, 'other'));
    expect(requestBodyHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
