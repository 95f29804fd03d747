import type { AssertionResult } from '../assertions/types.js';

/** Token counts reported by the model provider. */
export interface RunUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
}

/** One finished run: the `result` of an execute, and one line of the run history. */
export interface RunResult {
  readonly id: string;
  readonly name: string;
  readonly success: boolean;
  readonly output: string;
  readonly assertions: readonly AssertionResult[];
  readonly latency_ms: number;
  readonly usage: RunUsage;
  readonly model: string;
  readonly started_at: string;
  readonly finished_at: string;
  readonly stop_reason: string | null;
}

/** One page of the history, newest first. */
export interface RunPage {
  readonly runs: RunResult[];
  /** Pass as `cursor` for the next (older) page; `null` on the last page. */
  readonly next_cursor: string | null;
}
