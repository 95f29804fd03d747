import type { DestinationStream } from 'pino';

/** Largest request head (request line and headers) in bytes: Node's default, made explicit. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** Default bound on waiting for suite-run cases in flight when the app closes (the sidecar's drain bound). */
export const DEFAULT_SUITE_DRAIN_TIMEOUT_MS = 3_000;

/** Default request body limit: a spec with a long prompt fits, a flood does not. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Options of {@link createBackendApp}. */
export interface BackendAppOptions {
  /** Directory of the run history (created if missing). */
  readonly dataDir: string;
  /** The library's folder of tests and suites (`SENTINEL_WORKSPACE` in the sidecar). @default `<dataDir>/workspace` */
  readonly workspaceDir?: string;
  /** Bearer token for `/api`; without one `/api` is open (the desktop always sets one). @default undefined */
  readonly token?: string;
  /** Per-launch id echoed by `/health` (`SUPERVISOR_INSTANCE_ID`). @default undefined (null in /health) */
  readonly instanceId?: string;
  /** Anthropic API key; without one, Anthropic specs answer 400 `NO_API_KEY`. @default undefined */
  readonly anthropicApiKey?: string;
  /** Anthropic API base URL (a local stub in tests). @default the SDK's (https://api.anthropic.com) */
  readonly anthropicBaseUrl?: string;
  /** OpenAI API key; without one, OpenAI specs answer 400 `NO_API_KEY`. @default undefined */
  readonly openaiApiKey?: string;
  /** OpenAI API base URL, `/v1` included (a local stub in tests). @default the SDK's (https://api.openai.com/v1) */
  readonly openaiBaseUrl?: string;
  /** Per-attempt model call timeout in ms. @default 60000 (DEFAULT_MODEL_TIMEOUT_MS) */
  readonly modelTimeoutMs?: number;
  /** Model call retries. @default 1 (DEFAULT_MODEL_MAX_RETRIES) */
  readonly modelMaxRetries?: number;
  /** Browser origins allowed to call the API (exact strings). @default [] */
  readonly allowedOrigins?: readonly string[];
  /** Host header names accepted besides loopback ones. @default [] */
  readonly extraHosts?: readonly string[];
  /** Request body limit in bytes. @default DEFAULT_BODY_LIMIT_BYTES (1 MiB) */
  readonly bodyLimit?: number;
  /**
   * How long closing the app waits for suite-run cases in flight to be recorded; the ones still in
   * flight then are cut and left to the next start's resume. @default DEFAULT_SUITE_DRAIN_TIMEOUT_MS (3000)
   */
  readonly suiteDrainTimeoutMs?: number;
  /** Longest silence on a suite run's event stream before a heartbeat comment. @default DEFAULT_HEARTBEAT_MS (15 000) */
  readonly eventHeartbeatMs?: number;
  /** Aborting it cancels in-flight model calls (the sidecar does so when its drain bound runs out). @default undefined */
  readonly abortSignal?: AbortSignal;
  /** Logging: `false` for none, or a level and an optional destination. @default { level: 'info' } to stdout */
  readonly logger?: false | { readonly level?: string; readonly stream?: DestinationStream };
}
