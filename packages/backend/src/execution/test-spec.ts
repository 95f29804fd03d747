import type { AssertionSpec } from '../assertions/types.js';

/** A test spec as posted to `POST /api/execution/execute` (already schema-validated). */
export interface TestSpec {
  readonly name: string;
  readonly model: string;
  readonly inputs: { readonly query: string; readonly system?: string };
  readonly max_tokens?: number;
  readonly temperature?: number;
  readonly assertions: readonly AssertionSpec[];
}
