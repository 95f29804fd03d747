import type { PartialTestSpec } from '../contract/spec.js';

/** Fields merged key by key (one level); every other field of a test replaces the default whole. */
export const MERGED_FIELDS = ['model_config', 'inputs'] as const;

/**
 * A suite test with the suite's `defaults` under it, both already canonical (no aliases): the
 * test's own value wins. `model_config` and `inputs` are merged key by key (a test's
 * `inputs.query` keeps the defaults' `inputs.system_prompt`); lists (`assertions`, `tools`,
 * `tags`, `stop_sequences`, `messages`) and other objects (`context`, `framework_config`) are
 * replaced whole.
 */
export function mergeDefaults(defaults: PartialTestSpec, test: PartialTestSpec): PartialTestSpec {
  const merged: Record<string, unknown> = { ...defaults, ...test };
  for (const key of MERGED_FIELDS) {
    const base = defaults[key];
    const own = test[key];
    if (base !== undefined && own !== undefined) merged[key] = { ...base, ...own };
  }
  return merged as PartialTestSpec;
}
