import { connect } from 'node:net';

/** One HTTP response read off a raw socket. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Splits everything a server wrote on one connection into responses (bodies sized by Content-Length). */
export function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const [statusLine = '', ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = headEnd + 4;
    const bodyBytes = Buffer.from(rest.slice(bodyStart), 'utf8').subarray(0, length);
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body: bodyBytes.toString('utf8') });
    rest = rest.slice(bodyStart + bodyBytes.toString('utf8').length);
  }
  return responses;
}

/**
 * Writes raw bytes to the server, half-closes, and resolves with everything it answered once it
 * closes the connection (the server ends every connection these tests make).
 */
export function rawExchange(port: number, request: string | Buffer, options: { halfClose?: boolean } = {}): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseResponses(Buffer.concat(chunks).toString('utf8'))));
    socket.write(request, () => {
      if (options.halfClose !== false) socket.end();
    });
  });
}
