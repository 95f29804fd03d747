import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { BackendErrorCode } from './errors.js';

interface ClientErrorAnswer {
  readonly status: number;
  readonly code: BackendErrorCode;
  readonly message: string;
  readonly field?: string;
}

const CONTENT_LENGTH_ERRORS: ReadonlySet<string> = new Set(['HPE_INVALID_CONTENT_LENGTH', 'HPE_UNEXPECTED_CONTENT_LENGTH']);

/** What to answer for an error Node's HTTP parser raised before any route ran. */
export function classifyClientError(error: Error & { code?: string }): ClientErrorAnswer {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' };
  }
  if (error.code !== undefined && CONTENT_LENGTH_ERRORS.has(error.code)) {
    const field = 'headers.content-length';
    return { status: 400, code: 'VALIDATION_ERROR', message: `${field} is invalid: send one Content-Length of digits, matching the body, and no Transfer-Encoding with it`, field };
  }
  if (error.code === 'HPE_INVALID_TRANSFER_ENCODING') {
    const field = 'headers.transfer-encoding';
    return { status: 400, code: 'VALIDATION_ERROR', message: `${field} is invalid: send chunked or a Content-Length, not both`, field };
  }
  return { status: 400, code: 'VALIDATION_ERROR', message: `request is not valid HTTP (${error.code ?? 'parse error'})`, field: 'request' };
}

/**
 * Answers malformed requests (431 headers too large, a bad Content-Length, unparsable HTTP) in
 * the documented `{ error: { code, message } }` shape, then closes the socket, instead of
 * Fastify's own body.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = classifyClientError(error);
  this.log.info({ code: answer.code, parserCode: error.code }, answer.message);
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message, ...(answer.field === undefined ? {} : { field: answer.field }) } });
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + body, () => socket.destroy());
}
