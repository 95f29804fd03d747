import type { AssertionResult } from '../contract/assertions.js';
import type { AssertionChange } from '../contract/run.js';

/** What identifies an assertion across two runs: its kind and what it expected. */
function keyOf(result: AssertionResult): string {
  return `${result.kind}\u0000${JSON.stringify(result.expected)}`;
}

function changeOf(base: boolean | null, head: boolean | null): AssertionChange['change'] {
  if (base === null) return 'added';
  if (head === null) return 'removed';
  if (base && !head) return 'regression';
  if (!base && head) return 'fixed';
  return 'unchanged';
}

/**
 * Pairs the assertions of two runs by kind and expected value (the n-th `must_contain: "Paris"`
 * of base with the n-th of head), so a reordered or edited spec still compares the right ones.
 * Listed in head's order (`index` is head's), then the ones only base has (`index` is base's).
 */
export function assertionChanges(base: readonly AssertionResult[], head: readonly AssertionResult[]): AssertionChange[] {
  const unmatched = new Map<string, number[]>();
  base.forEach((result, index) => {
    const key = keyOf(result);
    unmatched.set(key, [...(unmatched.get(key) ?? []), index]);
  });
  const changes: AssertionChange[] = head.map((result, index) => {
    const baseIndex = unmatched.get(keyOf(result))?.shift();
    const basePassed = baseIndex === undefined ? null : (base[baseIndex] as AssertionResult).passed;
    return { index, kind: result.kind, expected: result.expected, base_passed: basePassed, head_passed: result.passed, change: changeOf(basePassed, result.passed) };
  });
  const removed = [...unmatched.values()].flat().sort((a, b) => a - b);
  for (const index of removed) {
    const result = base[index] as AssertionResult;
    changes.push({ index, kind: result.kind, expected: result.expected, base_passed: result.passed, head_passed: null, change: 'removed' });
  }
  return changes;
}
