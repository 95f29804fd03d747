import { FetchHeaders } from './fetch-headers.js';

/** What a {@link BufferedResponse} is made of: the response's head, and its body read whole (null for none). */
export interface BufferedResponseInit {
  readonly status: number;
  readonly statusText: string;
  readonly headers: FetchHeaders;
  readonly url: string;
  readonly redirected: boolean;
  readonly body: Buffer | null;
}

/**
 * A Fetch `Response` whose body is already in memory, as node-http-fetch reads it: what the SDKs
 * read of a response (status, headers, `json()`, `text()`, `body`, `clone()`) without Node's
 * `Response`, which is undici's (see fetch-headers.ts for what loading it costs). As the standard,
 * the body is read once (`bodyUsed`; a second read rejects with a TypeError), and `body` is a
 * `ReadableStream` of the bytes (made on first access) or null.
 */
export class BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: FetchHeaders;
  readonly url: string;
  readonly redirected: boolean;
  readonly type = 'basic';
  readonly #bytes: Buffer | null;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(init: BufferedResponseInit) {
    this.status = init.status;
    this.statusText = init.statusText;
    this.headers = init.headers;
    this.url = init.url;
    this.redirected = init.redirected;
    this.#bytes = init.body;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#stream === undefined) {
      const bytes = this.#bytes;
      // Reading the stream uses the body up, as any other read does; making it does not (the SDKs
      // look at `body` of every response): a high-water mark of 0 pulls only when it is read.
      this.#stream =
        bytes === null
          ? null
          : new ReadableStream<Uint8Array>({
              pull: (controller) => {
                if (!this.#used && bytes.byteLength > 0) controller.enqueue(new Uint8Array(bytes));
                this.#used = true;
                controller.close();
              },
            }, { highWaterMark: 0 });
    }
    return this.#stream;
  }

  /** The bytes, once: a second read throws (inside the async readers: their promise rejects). */
  #consume(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? Buffer.alloc(0);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(this.#consume());
  }

  /** UTF-8, a leading byte order mark dropped (as Fetch decodes). */
  async text(): Promise<string> {
    const text = this.#consume().toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
  }

  async formData(): Promise<never> {
    throw new TypeError('formData() is not supported by this response (node-http-fetch reads JSON and text bodies)');
  }

  clone(): BufferedResponse {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse({ status: this.status, statusText: this.statusText, headers: new FetchHeaders(this.headers), url: this.url, redirected: this.redirected, body: this.#bytes });
  }
}
