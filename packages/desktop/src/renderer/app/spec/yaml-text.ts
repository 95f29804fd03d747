import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import type { UiError } from '../bridge/ui-error.js';
import { isObject, sameJson, type SpecPath } from './paths.js';

/** How YAML is written: no line folding, two-space indent (as the backend writes library files). */
const WRITE_OPTIONS = { lineWidth: 0, indent: 2 } as const;

export type ParsedYaml = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: UiError };

/** Parse the editor's text; a syntax error names its line and column (1-based). */
export function parseYamlText(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const position = first.linePos?.[0];
    const message = first.message.split('\n')[0] ?? first.message;
    return { ok: false, error: { code: 'INVALID_YAML', message, details: {}, ...(position ? { line: position.line, column: position.col } : {}) } };
  }
  return { ok: true, value: doc.toJS() as unknown };
}

function keyOf(pair: { key: unknown }): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function jsAt(doc: Document, path: SpecPath): unknown {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isNode(node) ? (node.toJSON() as unknown) : node;
}

function isScalarValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Bring the document's node at `path` to `next`, touching only what changed (comments elsewhere survive). */
function patch(doc: Document, path: SpecPath, next: unknown): void {
  if (sameJson(jsAt(doc, path), next)) return;
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(node) && isObject(next)) {
    for (const pair of [...node.items]) {
      const key = keyOf(pair);
      if (typeof key === 'string' && !(key in next)) node.delete(key);
    }
    for (const [key, value] of Object.entries(next)) {
      if (node.has(key)) patch(doc, [...path, key], value);
      else node.set(key, doc.createNode(value));
    }
    return;
  }
  if (isSeq(node) && Array.isArray(next)) {
    while (node.items.length > next.length) node.items.pop();
    next.forEach((value, index) => {
      if (index >= node.items.length) node.items.push(doc.createNode(value));
      else patch(doc, [...path, index], value);
    });
    return;
  }
  if (path.length === 0) doc.contents = doc.createNode(next) as Document['contents'];
  else if (isScalar(node) && isScalarValue(next) && typeof node.value === typeof next) node.value = next;
  else doc.setIn(path, doc.createNode(next));
}

/**
 * The YAML for `value`. Given the text it replaces, only the changed nodes are rewritten, so
 * comments, key order and quoting of everything else are kept.
 */
export function toYamlText(value: unknown, previous?: string): string {
  if (previous !== undefined && previous.trim() !== '') {
    const doc = parseDocument(previous);
    if (doc.errors.length === 0 && isMap(doc.contents) && isObject(value)) {
      patch(doc, [], value);
      return doc.toString(WRITE_OPTIONS);
    }
  }
  return stringify(value, WRITE_OPTIONS);
}

/** The line and column (1-based) of the key or value at `path`, or of its nearest existing ancestor. */
export function positionOfPath(text: string, path: SpecPath): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const segment = path[depth - 1];
    let offset: number | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => keyOf(item) === segment);
      offset = (pair?.key as { range?: [number, number, number] } | null)?.range?.[0];
    } else if (isSeq(parent) && typeof segment === 'number') {
      offset = (parent.items[segment] as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
    if (offset !== undefined) {
      const position = lineCounter.linePos(offset);
      return { line: position.line, column: position.col };
    }
  }
  return { line: 1, column: 1 };
}
