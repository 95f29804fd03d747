import type { AssertionSpec, JsonSchema } from './assertions.js';
import type { ProviderName } from './providers.js';

/** One turn of a conversation. */
export interface Message {
  readonly role: 'user' | 'assistant' | 'system';
  readonly content: string;
}

/** What the model is given; at least one field. */
export interface InputSpec {
  /** The prompt: sent as the last user message. */
  readonly query?: string;
  /** Earlier turns (multi-turn); `system` turns join the system prompt. */
  readonly messages?: readonly Message[];
  /** System instructions. */
  readonly system_prompt?: string;
  /** Alias of `system_prompt` (this backend's earlier format). */
  readonly system?: string;
  /** Extra data given to the model (see the README for how). */
  readonly context?: Readonly<Record<string, unknown>>;
}

/** Sampling parameters (`model_config`, alias `config`). */
export interface ModelConfig {
  /** 0-2 (Anthropic: 0-1). */
  readonly temperature?: number;
  readonly max_tokens?: number;
  /** 0-1. */
  readonly top_p?: number;
  /** Anthropic only. */
  readonly top_k?: number;
  readonly stop_sequences?: readonly string[];
}

/** A tool the model may call: a bare name, or a name with a description and JSON Schema parameters. */
export type ToolSpec =
  | string
  | {
      readonly name: string;
      readonly description?: string;
      /** A JSON Schema object, or the original Sentinel's shorthand `{ location: 'string' }`. */
      readonly parameters?: Readonly<Record<string, unknown>>;
    };

/** A test spec, in the original Sentinel's format (plus this backend's earlier aliases). */
export interface TestSpec {
  readonly name: string;
  readonly description?: string;
  readonly category?: string;
  readonly model: string;
  /** Inferred from `model` when absent (`claude-*` → anthropic; `gpt-*`, `o1*`, `o3*`, `o4*` → openai). */
  readonly provider?: ProviderName;
  readonly inputs: InputSpec;
  readonly assertions: readonly AssertionSpec[];
  readonly model_config?: ModelConfig;
  /** Alias of `model_config`. */
  readonly config?: ModelConfig;
  readonly tools?: readonly ToolSpec[];
  /** Stored and shown, never executed. */
  readonly framework?: string;
  readonly framework_config?: Readonly<Record<string, unknown>>;
  /** OpenAI only. */
  readonly seed?: number;
  /** Bounds the model call, in milliseconds. */
  readonly timeout_ms?: number;
  readonly tags?: readonly string[];
  /** Alias of `model_config.max_tokens` (earlier format). */
  readonly max_tokens?: number;
  /** Alias of `model_config.temperature` (earlier format). */
  readonly temperature?: number;
}

/** Any TestSpec field, as a suite's `defaults` or one of its tests before the defaults are merged. */
export type PartialTestSpec = { readonly [K in keyof TestSpec]?: TestSpec[K] };

/** A named collection of tests sharing `defaults` (a test's own value wins). */
export interface TestSuite {
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  readonly defaults?: PartialTestSpec;
  readonly tags?: readonly string[];
  readonly tests: readonly PartialTestSpec[];
}

/** A tool as it is sent to a provider: always with a JSON Schema object for its parameters. */
export interface ResolvedTool {
  readonly name: string;
  readonly description?: string;
  readonly parameters: JsonSchema;
}

/**
 * The fully resolved model request of a spec: what is sent to the provider, and what the answer
 * store's key is a hash of. Built by the backend from a TestSpec (provider inferred, aliases and
 * defaults applied, tools normalised, context rendered, unsupported parameters dropped).
 */
export interface ResolvedRequest {
  readonly provider: ProviderName;
  readonly model: string;
  /** The system prompt (including rendered context and `system` turns), if any. */
  readonly system?: string;
  /** The conversation, ending with the user's query; only user and assistant turns. */
  readonly messages: readonly { readonly role: 'user' | 'assistant'; readonly content: string }[];
  readonly max_tokens: number;
  readonly temperature?: number;
  readonly top_p?: number;
  readonly top_k?: number;
  readonly stop_sequences?: readonly string[];
  readonly seed?: number;
  readonly tools?: readonly ResolvedTool[];
}
