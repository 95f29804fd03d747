import { validationError } from '../app/errors.js';
import { appendField } from '../contract/schemas/field-path.js';
import { SPEC_LIMITS } from '../contract/schemas/limits.js';

/** Keys refused anywhere in a document: they reach or replace an object's prototype when merged. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Pending {
  readonly value: unknown;
  readonly field: string;
  readonly depth: number;
}

/**
 * Walks a parsed JSON/YAML value (iteratively: no recursion, so any nesting is safe) and refuses a
 * `__proto__`, `constructor` or `prototype` key, or nesting deeper than
 * {@link SPEC_LIMITS.nestingDepth}, with a 400 `VALIDATION_ERROR` naming the path under `root`.
 */
export function assertPlainData(value: unknown, root: string, maxDepth: number = SPEC_LIMITS.nestingDepth): void {
  const stack: Pending[] = [{ value, field: root, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    const name = item.field === '' ? 'body' : item.field;
    if (item.depth >= maxDepth) throw validationError(name, `is nested too deeply (more than ${maxDepth} levels of objects and lists)`);
    if (Array.isArray(item.value)) {
      for (let index = item.value.length - 1; index >= 0; index -= 1) {
        stack.push({ value: item.value[index], field: appendField(item.field, index), depth: item.depth + 1 });
      }
      continue;
    }
    // Children are pushed last-first so the first offending key in document order is the one reported.
    for (const key of Object.keys(item.value).reverse()) {
      const field = appendField(item.field, key);
      if (FORBIDDEN_KEYS.has(key)) throw validationError(field, `is not allowed: "${key}" is refused anywhere in a document`);
      stack.push({ value: (item.value as Record<string, unknown>)[key], field, depth: item.depth + 1 });
    }
  }
}
