import type { AssertionValue } from '../contract/assertions.js';
import { invalidAssertion } from './errors.js';
import { equalsAssertion, startsWithAssertion } from './kinds/equality.js';
import { isJsonAssertion } from './kinds/is-json.js';
import { boundAssertion, maxCostAssertion, type BoundKind } from './kinds/metrics.js';
import { mustCallToolAssertion } from './kinds/must-call-tool.js';
import { outputTypeAssertion } from './kinds/output-type.js';
import { presenceAssertion, type PresenceMode } from './kinds/presence.js';
import { regexAssertion } from './kinds/regex.js';
import { compileRegex, parseFlags } from './regex/compile-regex.js';
import type { AssertionKind, PreparedAssertion } from './types.js';
import { requireAmount, requireCount, requireText, requireTextList, requireTextOrList } from './values.js';

/** Makes one kind's prepared assertion from its spec object; `field` names the assertion. */
type Preparer = (spec: Readonly<Record<string, unknown>>, field: string) => PreparedAssertion;

function presence(kind: AssertionKind, mode: PresenceMode, ignoreCase: boolean, read: (value: unknown, field: string) => readonly string[]): Preparer {
  return (spec, field) => {
    const value = spec[kind];
    const texts = read(value, `${field}.${kind}`);
    return presenceAssertion({ kind, field, expected: value as AssertionValue, texts, mode, ignoreCase });
  };
}

/**
 * Flags default: none for `regex` (this backend's earlier kind); `ms` for `regex_match`, as the
 * original Sentinel compiled it (re.MULTILINE | re.DOTALL). Given `flags` replace the default.
 */
function regex(kind: 'regex' | 'regex_match', defaultFlags: string): Preparer {
  return (spec, field) => {
    const flags = spec.flags === undefined ? defaultFlags : spec.flags;
    const bits = parseFlags(flags, `${field}.flags`);
    return regexAssertion(kind, compileRegex(spec[kind], flags as string, bits, `${field}.${kind}`), field);
  };
}

function bound(kind: BoundKind): Preparer {
  return (spec, field) => boundAssertion(kind, requireCount(spec[kind], `${field}.${kind}`), field);
}

const one = (value: unknown, field: string): readonly string[] => [requireText(value, field)];

/** How each kind is prepared. */
export const PREPARERS: Readonly<Record<AssertionKind, Preparer>> = {
  must_contain: presence('must_contain', 'all', false, requireTextOrList),
  must_not_contain: presence('must_not_contain', 'none', false, requireTextOrList),
  icontains: presence('icontains', 'all', true, one),
  contains_any: presence('contains_any', 'any', false, requireTextList),
  contains_all: presence('contains_all', 'all', false, requireTextList),
  equals: (spec, field) => {
    if (typeof spec.equals !== 'string') throw invalidAssertion(`${field}.equals`, 'must be a string');
    return equalsAssertion(spec.equals, field);
  },
  starts_with: (spec, field) => startsWithAssertion(requireText(spec.starts_with, `${field}.starts_with`), field),
  regex: regex('regex', ''),
  regex_match: regex('regex_match', 'ms'),
  must_call_tool: (spec, field) =>
    mustCallToolAssertion(spec.must_call_tool as AssertionValue, requireTextOrList(spec.must_call_tool, `${field}.must_call_tool`), field),
  output_type: (spec, field) => outputTypeAssertion(spec.output_type, field),
  is_json: (spec, field) => isJsonAssertion(spec.is_json, field),
  max_latency_ms: bound('max_latency_ms'),
  min_tokens: bound('min_tokens'),
  max_tokens: bound('max_tokens'),
  min_length: bound('min_length'),
  max_length: bound('max_length'),
  max_cost_usd: (spec, field) => maxCostAssertion(requireAmount(spec.max_cost_usd, `${field}.max_cost_usd`), field),
};
