import { prepareAssertions, type PreparedAssertion } from '../assertions/index.js';
import type { ResolvedRequest, TestSpec } from '../contract/spec.js';
import { withoutUnsupportedParameters } from '../providers/index.js';
import { requestHash, resolveSpec } from '../spec/index.js';

/** A spec made ready to run: everything that can be refused is checked before any model call. */
export interface PreparedCase {
  /** The spec as it will be recorded (a suite's defaults already merged in). */
  readonly spec: TestSpec;
  /** Exactly what is sent: provider rules applied, parameters the model refuses left out. */
  readonly request: ResolvedRequest;
  /** {@link requestHash} of `request`: the key of its stored answers (computed at its first read). */
  readonly requestHash: string;
  /** What the user should know about how the spec was turned into the request. */
  readonly notes: readonly string[];
  /** The spec's `timeout_ms`: a bound on the model call. */
  readonly timeoutMs: number | undefined;
  readonly assertions: readonly PreparedAssertion[];
}

/**
 * Resolves a spec into its request and prepares its assertions. `field` names the spec in errors
 * (`test_spec`, or `suite.tests[3]` for a suite's case).
 * @throws BackendError `VALIDATION_ERROR` or `UNSAFE_REGEX`, naming the field.
 */
export function prepareCase(spec: TestSpec, field: string): PreparedCase {
  const resolved = resolveSpec(spec, field);
  const sendable = withoutUnsupportedParameters(resolved.request);
  const assertions = prepareAssertions(spec.assertions, `${field}.assertions`);
  let hash: string | undefined;
  return {
    spec,
    request: sendable.request,
    // Only a case that reads or fills stored answers (the journal, the cache) needs it: a sha256 of
    // the canonical request is about 40 us a case, 200 cases a `sentinel run` that keeps none.
    get requestHash() {
      hash ??= requestHash(sendable.request);
      return hash;
    },
    notes: [...resolved.notes, ...sendable.notes],
    timeoutMs: resolved.timeoutMs,
    assertions,
  };
}
