/** One request the stub received, as the SDK sent it. */
export interface StubRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The credential sent: the `x-api-key` header, or the token of `Authorization: Bearer` (newer SDKs). */
  readonly apiKey: string | undefined;
  /** The parsed JSON body, or `undefined` when it was not JSON. */
  readonly body: unknown;
  readonly receivedAt: number;
}

/** An upstream error the stub answers with, in Anthropic's error JSON shape. */
export interface StubError {
  /** HTTP status, e.g. 429, 500, 529. */
  readonly status: number;
  /**
   * Anthropic error type.
   * @default derived from the status ('rate_limit_error' for 429, 'overloaded_error' for 529, ...)
   */
  readonly type?: string;
  /** @default 'Stub error <status>' */
  readonly message?: string;
}

/** What the stub does with the next request. */
export interface StubBehavior {
  /**
   * The reply text, or a function of the request.
   * @default 'Stub reply to: <the last user message>'
   */
  readonly text?: string | ((request: StubRequest) => string);
  /**
   * Milliseconds to wait before answering (a slow model). The timer is cleared if the client goes away.
   * @default 0
   */
  readonly delayMs?: number;
  /** Answer with this error instead of a message. @default undefined */
  readonly error?: StubError;
  /** Extra response headers, e.g. `{ 'x-should-retry': 'false' }`. @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** Never answer (until the client or `close()` ends the connection). @default false */
  readonly hang?: boolean;
}

/** A fixed behaviour, or a function choosing one per request (`index` counts from 0). */
export type StubBehaviorSource = StubBehavior | ((request: StubRequest, index: number) => StubBehavior);

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

/** Resolves the behaviour source for one request. */
export function resolveBehavior(source: StubBehaviorSource, request: StubRequest, index: number): StubBehavior {
  return typeof source === 'function' ? source(request, index) : source;
}
