import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../src/contract/schemas/run-record.js';
import { assertMatchesSchema } from '../../src/spec/index.js';
import { TOKEN, closeFixtures, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { rawExchange, type RawResponse } from './raw-http.js';

let app: FastifyInstance;
let port: number;

beforeEach(async () => {
  ({ app } = await startAppFixture());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

const body = JSON.stringify({ test_spec: { name: 'n', model: 'claude-x', inputs: { query: 'q' }, assertions: [{ must_contain: 'q' }] } });

function request(head: string[], payload = ''): string {
  return `${[...head, 'Connection: close'].join('\r\n')}\r\n\r\n${payload}`;
}

function expectError(response: RawResponse | undefined, status: number, error: Record<string, unknown>): void {
  expect(response?.status).toBe(status);
  expect(response?.headers['content-type']).toMatch(/^application\/json/);
  const parsed = JSON.parse(response?.body ?? '') as { error: Record<string, unknown> };
  assertMatchesSchema(errorBodySchema, parsed, 'body');
  expect(parsed.error).toMatchObject(error);
}

describe('Host header, over a real socket', () => {
  it('accepts one loopback Host', async () => {
    const [response] = await rawExchange(port, request(['GET /health HTTP/1.1', `Host: 127.0.0.1:${port}`]));
    expect(response?.status).toBe(200);
  });

  it.each(['[::1]evil.com', '[::1]:80evil', '[::1', '[evil.com]', 'localhost:80:80', 'localhost:999999', 'local host', 'localhost@evil.com', '127.0.0.1 .evil.com'])(
    'refuses Host %j with 403 FORBIDDEN_HOST',
    async (host) => {
      const [response] = await rawExchange(port, request(['GET /health HTTP/1.1', `Host: ${host}`]));
      expectError(response, 403, { code: 'FORBIDDEN_HOST' });
    },
  );

  it('refuses a request with two Host headers (even both loopback)', async () => {
    for (const second of ['evil.example', 'localhost']) {
      const [response] = await rawExchange(port, request(['GET /health HTTP/1.1', 'Host: localhost', `Host: ${second}`]));
      expectError(response, 403, { code: 'FORBIDDEN_HOST', message: 'The request has 2 Host headers; exactly one is required' });
    }
  });

  it('refuses a request without Host with 403 FORBIDDEN_HOST in the documented shape (not Node\'s bare 400)', async () => {
    const [response] = await rawExchange(port, request(['GET /health HTTP/1.1']));
    expectError(response, 403, { code: 'FORBIDDEN_HOST' });
  });
});

describe('malformed HTTP is answered in the documented error shape', () => {
  it('answers 431 HEADERS_TOO_LARGE for headers over the server limit', async () => {
    const [response] = await rawExchange(port, request(['GET /health HTTP/1.1', 'Host: localhost', `X-Big: ${'a'.repeat(20_000)}`]));
    expectError(response, 431, { code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' });
  });

  it.each([
    ['not a number', ['Content-Length: ten']],
    ['negative', ['Content-Length: -1']],
    ['two different values', [`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`]],
  ])('answers 400 naming headers.content-length for a Content-Length %s', async (_name, lengths) => {
    const head = ['POST /api/execution/execute HTTP/1.1', 'Host: localhost', `Authorization: Bearer ${TOKEN}`, 'Content-Type: application/json', ...lengths];
    const [response] = await rawExchange(port, request(head, body));
    expectError(response, 400, { code: 'VALIDATION_ERROR', field: 'headers.content-length' });
  });

  it('answers 400 naming headers.transfer-encoding for a Content-Length beside Transfer-Encoding: chunked (request smuggling)', async () => {
    const head = ['POST /api/execution/execute HTTP/1.1', 'Host: localhost', 'Content-Type: application/json', `Content-Length: ${body.length}`, 'Transfer-Encoding: chunked'];
    const [response] = await rawExchange(port, request(head, body));
    expectError(response, 400, { code: 'VALIDATION_ERROR', field: 'headers.transfer-encoding' });
  });

  it('answers a Content-Length shorter than the body in the shape (the leftover bytes are refused as HTTP)', async () => {
    const head = ['POST /api/execution/execute HTTP/1.1', 'Host: localhost', `Authorization: Bearer ${TOKEN}`, 'Content-Type: application/json', 'Content-Length: 5'];
    const responses = await rawExchange(port, `${head.join('\r\n')}\r\n\r\n${body}`);
    expect(responses.length).toBeGreaterThanOrEqual(1);
    for (const response of responses) expectError(response, 400, { code: expect.stringMatching(/^(INVALID_JSON|VALIDATION_ERROR)$/) });
  });

  it('does not answer 500 to a Content-Length longer than the body (the client then gives up)', async () => {
    const head = ['POST /api/execution/execute HTTP/1.1', 'Host: localhost', `Authorization: Bearer ${TOKEN}`, 'Content-Type: application/json', `Content-Length: ${body.length + 50}`];
    const responses = await rawExchange(port, request(head, body));
    for (const response of responses) {
      expect(response.status).toBeLessThan(500);
      expectError(response, response.status, {});
    }
  });

  it('answers 400 for a request line that is not HTTP', async () => {
    const [response] = await rawExchange(port, 'HELLO THERE\r\n\r\n');
    expectError(response, 400, { code: 'VALIDATION_ERROR', field: 'request' });
  });

  it('keeps serving after all of that', async () => {
    await rawExchange(port, 'HELLO THERE\r\n\r\n');
    await rawExchange(port, request(['GET /health HTTP/1.1', 'Host: localhost', `X-Big: ${'a'.repeat(20_000)}`]));
    const [response] = await rawExchange(port, request(['GET /health HTTP/1.1', 'Host: localhost']));
    expect(response?.status).toBe(200);
  });
});
