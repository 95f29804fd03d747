/** The model providers Sentinel can call. */
export const PROVIDERS = ['anthropic', 'openai'] as const;

/** A provider's name, as written in a spec's `provider` field. */
export type ProviderName = (typeof PROVIDERS)[number];

/** A model the backend knows a price for (`GET /api/providers`). */
export interface ModelInfo {
  readonly id: string;
  /** USD per million input tokens. */
  readonly input_usd_per_mtok: number;
  /** USD per million output tokens. */
  readonly output_usd_per_mtok: number;
}

/** One provider as `GET /api/providers` lists it. */
export interface ProviderInfo {
  readonly name: ProviderName;
  /** A person-readable name, e.g. `Anthropic`. */
  readonly label: string;
  /** Whether an API key is configured for it. */
  readonly configured: boolean;
  /** The environment variable that holds its key, e.g. `ANTHROPIC_API_KEY`. */
  readonly key_variable: string;
  /** Models with a known price (others still run; their cost is `null`). */
  readonly models: readonly ModelInfo[];
}

/** The answer of `POST /api/providers/:name/verify`. */
export interface ProviderVerification {
  readonly provider: ProviderName;
  /** True when the key was accepted by the provider. */
  readonly ok: boolean;
  /** What a person should read, e.g. "The OpenAI key works" or "OpenAI refused the key (401)". */
  readonly message: string;
  /** The provider's HTTP status when it answered, else null. */
  readonly upstream_status: number | null;
}
