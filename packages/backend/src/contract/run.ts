import type { AssertionResult } from './assertions.js';
import type { ProviderName } from './providers.js';
import type { ResolvedRequest, TestSpec } from './spec.js';

/**
 * A run id (also a suite run's): 12 hex digits of milliseconds, 4 of a per-process counter, 8
 * random. Ids made by one process sort in the order it made them; nothing orders by them (the
 * history is ordered by its own insertion sequence) and no id is ever derived from a stored one.
 */
export const RUN_ID_PATTERN = '^[0-9a-f]{24}$';

/** Token counts reported by the provider. */
export interface RunUsage {
  /** Every input token the provider processed (prompt-cache reads included). */
  readonly input_tokens: number;
  readonly output_tokens: number;
  /**
   * How many of `input_tokens` were read from the provider's prompt cache (billed at a discount;
   * OpenAI caches long prompts by itself). Absent or 0 when none were.
   */
  readonly cached_input_tokens?: number;
}

/** A tool call the model made in its answer. */
export interface ToolCall {
  /** The provider's id of the call, if it gave one. */
  readonly id: string | null;
  readonly name: string;
  /** The arguments as the model sent them (parsed JSON when it was JSON, else the raw text). */
  readonly arguments: unknown;
}

/** A provider's answer, reduced to what a run records (and what the answer store keeps). */
export interface ModelAnswer {
  readonly output: string;
  readonly tool_calls: readonly ToolCall[];
  readonly usage: RunUsage;
  /** The model id the provider says answered. */
  readonly response_model: string;
  readonly stop_reason: string | null;
  /**
   * Request parameters the provider client had to leave out for this model, as sentences (e.g.
   * "temperature is not supported by o3 and was not sent"). Absent when nothing was left out.
   */
  readonly notes?: readonly string[];
  /**
   * Milliseconds the provider call took, measured by the backend around it. Kept with a stored
   * answer, so a reused one (resumed or cached) is judged on the latency it really had.
   */
  readonly latency_ms?: number;
}

/** One finished run of a test: the `result` of an execute, a row of the history. */
export interface RunRecord {
  readonly id: string;
  readonly name: string;
  /** True when every assertion passed. */
  readonly success: boolean;
  readonly provider: ProviderName;
  /** The model the spec asked for. */
  readonly model: string;
  /** The model the provider says answered (may carry a date suffix). */
  readonly response_model: string;
  readonly output: string;
  readonly tool_calls: readonly ToolCall[];
  readonly assertions: readonly AssertionResult[];
  readonly latency_ms: number;
  readonly usage: RunUsage;
  /** Estimated from the price table; null for a model without a known price. */
  readonly cost_usd: number | null;
  readonly stop_reason: string | null;
  readonly started_at: string;
  readonly finished_at: string;
  /** The spec as it ran (a suite's defaults merged in). */
  readonly spec: TestSpec;
  /** The request sent to the provider. */
  readonly request: ResolvedRequest;
  /** Things the user should know, e.g. "seed is not supported by Anthropic and was ignored". */
  readonly notes: readonly string[];
  /** The library test it ran, if any. */
  readonly test_id: string | null;
  /** The suite run it belongs to, if any, and its case index there. */
  readonly suite_run_id: string | null;
  readonly case_index: number | null;
  readonly tags: readonly string[];
  /** Where the answer came from: the provider, the response cache, or the answer stored before a crash. */
  readonly answer_source: 'provider' | 'cache' | 'resumed';
  /** False when the run could not be written to the history (disk full, read-only): the answer is still given. */
  readonly saved: boolean;
}

/** One page of the history, newest first. */
export interface RunPage {
  readonly runs: readonly RunRecord[];
  /** Pass as `cursor` for the next (older) page; null on the last page. Opaque (digits). */
  readonly next_cursor: string | null;
}

/** Filters of `GET /api/runs` (all optional, combined with AND). */
export interface RunFilter {
  readonly test_id?: string;
  readonly suite_run_id?: string;
  readonly tag?: string;
  readonly model?: string;
  readonly passed?: boolean;
}

/** A numeric figure compared between two runs. */
export interface MetricDelta {
  readonly base: number | null;
  readonly head: number | null;
  /** head - base, or null when either is unknown. */
  readonly delta: number | null;
  /** delta / base, or null. */
  readonly ratio: number | null;
  /** True when the change is past the regression threshold (latency 20 %, tokens 15 %, cost 10 %). */
  readonly flagged: boolean;
}

/** How one assertion changed between two runs. */
export interface AssertionChange {
  readonly index: number;
  readonly kind: string;
  readonly expected: unknown;
  readonly base_passed: boolean | null;
  readonly head_passed: boolean | null;
  readonly change: 'regression' | 'fixed' | 'unchanged' | 'added' | 'removed';
}

/** One line of an output diff. */
export interface DiffLine {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** `GET /api/runs/compare?base&head`: two runs of the same test. */
export interface RunComparison {
  readonly base: RunRecord;
  readonly head: RunRecord;
  /** The regression threshold of each metric, as fractions. */
  readonly thresholds: { readonly latency: number; readonly tokens: number; readonly cost: number };
  readonly regressions: readonly AssertionChange[];
  readonly fixed: readonly AssertionChange[];
  readonly assertions: readonly AssertionChange[];
  readonly latency_ms: MetricDelta;
  readonly total_tokens: MetricDelta;
  readonly cost_usd: MetricDelta;
  readonly output_diff: readonly DiffLine[];
  /** True when the outputs were too long to diff whole: the diff covers their beginnings only. */
  readonly output_diff_truncated: boolean;
  /** True when any assertion regressed or any metric is flagged. */
  readonly regressed: boolean;
}

/** One case as `POST /api/validate` resolved it: what would be sent, and what the user should know. */
export interface ValidatedCase {
  readonly name: string;
  readonly request: ResolvedRequest;
  readonly notes: readonly string[];
}

/** `POST /api/validate`: the spec or suite would run as it is (every refusal is a 400 instead). */
export interface ValidationReport {
  readonly valid: true;
  readonly kind: 'test' | 'suite';
  /** One entry for a test; one per case, in order, for a suite (its defaults merged). */
  readonly cases: readonly ValidatedCase[];
}
