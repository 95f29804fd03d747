/** One request a stub received, as the SDK sent it. */
export interface StubRequest {
  readonly method: string;
  /** The path without the query string, e.g. `/v1/messages`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The credential sent: `x-api-key`, or the token of `Authorization: Bearer`. */
  readonly apiKey: string | undefined;
  /** The parsed JSON body, or `undefined` when it was not JSON (or empty). */
  readonly body: unknown;
  /** A stable hash of the body (key order does not matter): equal for a retry of the same call. */
  readonly bodyHash: string;
  readonly receivedAt: number;
  /** The HTTP status the stub answered with; null while it has not (or never will, for `hang`). */
  readonly status: number | null;
}

/** An upstream error the stub answers with, in the provider's error JSON shape. */
export interface StubError {
  /** HTTP status, e.g. 401, 429, 500, 503, 529. */
  readonly status: number;
  /**
   * The provider's error type.
   * @default derived from the status (Anthropic: 'rate_limit_error' for 429, 'overloaded_error'
   * for 529...; OpenAI: 'invalid_request_error' for 4xx, 'server_error' for 5xx, 'requests' for 429)
   */
  readonly type?: string;
  /** @default 'Stub error <status>' */
  readonly message?: string;
  /** OpenAI's `code`, e.g. 'rate_limit_exceeded', 'invalid_api_key'. @default derived from the status (null for most) */
  readonly code?: string | null;
  /** OpenAI's `param`, e.g. 'temperature'. @default null */
  readonly param?: string;
}

/** A tool call the stub's answer makes. */
export interface StubToolCall {
  readonly name: string;
  /** The arguments (a JSON object; OpenAI's answer carries them as a JSON string). */
  readonly arguments: Readonly<Record<string, unknown>>;
  /** @default a random id in the provider's format (`toolu_…`, `call_…`) */
  readonly id?: string;
}

/** Token counts to answer with instead of the stub's estimate. */
export interface StubUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  /** Of `input_tokens`, read from the prompt cache (OpenAI `cached_tokens`, Anthropic `cache_read_input_tokens`). @default 0 */
  readonly cached_input_tokens?: number;
}

/** What the stub does with the next request. */
export interface StubBehavior {
  /**
   * The reply text, or a function of the request.
   * @default 'Stub reply to: <the last user message>' ('' when the answer makes tool calls)
   */
  readonly text?: string | ((request: StubRequest) => string);
  /** Tool calls the answer makes (stop reason `tool_use` / finish reason `tool_calls`). @default [] */
  readonly toolCalls?: readonly StubToolCall[] | ((request: StubRequest) => readonly StubToolCall[]);
  /** Token counts to report. @default an estimate: about 4 characters a token */
  readonly usage?: StubUsage;
  /** The model the answer says answered, e.g. a dated id. @default the request's `model` */
  readonly model?: string;
  /** The stop (finish) reason. @default 'end_turn' / 'stop', or the tool-use one with tool calls */
  readonly stopReason?: string;
  /**
   * Milliseconds to wait before answering (a slow model). The timer is cleared if the client goes away.
   * @default 0
   */
  readonly delayMs?: number;
  /** Answer with this error instead (any route, `GET /v1/models` included). @default undefined */
  readonly error?: StubError;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }` or `{ 'x-should-retry': 'false' }`. @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** Never answer (until the client or `close()` ends the connection). @default false */
  readonly hang?: boolean;
}

/** A fixed behaviour, or a function choosing one per request (`index` counts every request from 0). */
export type StubBehaviorSource = StubBehavior | ((request: StubRequest, index: number) => StubBehavior);

/** Resolves the behaviour source for one request. */
export function resolveBehavior(source: StubBehaviorSource, request: StubRequest, index: number): StubBehavior {
  return typeof source === 'function' ? source(request, index) : source;
}

/** The tool calls a behaviour makes for a request. */
export function toolCallsFor(behavior: StubBehavior, request: StubRequest): readonly StubToolCall[] {
  return typeof behavior.toolCalls === 'function' ? behavior.toolCalls(request) : (behavior.toolCalls ?? []);
}

/** The reply text a behaviour gives for a request whose last user message is `prompt`. */
export function textFor(behavior: StubBehavior, request: StubRequest, prompt: string, withToolCalls: boolean): string {
  if (typeof behavior.text === 'function') return behavior.text(request);
  return behavior.text ?? (withToolCalls ? '' : `Stub reply to: ${prompt}`);
}
