import { isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import { linePosition } from '../spec/index.js';

const SEGMENT = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** `suite.tests[2]["odd key"]` under root `suite` -> `['tests', 2, 'odd key']`; undefined when it does not parse. */
export function fieldSegments(field: string, root: string): (string | number)[] | undefined {
  if (field !== root && !field.startsWith(`${root}.`) && !field.startsWith(`${root}[`)) return undefined;
  const rest = field.slice(root.length);
  const segments: (string | number)[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < rest.length) {
    const match = SEGMENT.exec(rest);
    if (match === null) return undefined;
    segments.push(match[1] ?? (match[2] === undefined ? (JSON.parse(match[3] ?? '""') as string) : Number(match[2])));
  }
  return segments;
}

/** The offset of a field: its key when it is a mapping entry, else its value (a list item). */
function offsetOf(document: Document, segments: readonly (string | number)[]): number | undefined {
  const last = segments.at(-1);
  const parent: unknown = segments.length === 1 ? document.contents : document.getIn(segments.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    if (isNode(pair?.key) && pair.key.range !== undefined && pair.key.range !== null) return pair.key.range[0];
  }
  const node: unknown = document.getIn(segments, true);
  return isNode(node) && node.range !== undefined && node.range !== null ? node.range[0] : undefined;
}

/**
 * Where a field named by a validation error (`suite.tests[2].model`) is written in a YAML or JSON
 * text: the line and column of its key (or of the list item), or of the nearest enclosing field
 * that exists (a missing field is reported where it should be added). Undefined when the text
 * does not parse as YAML. Only called on the error path: it parses the text again, keeping positions.
 */
export function locateField(text: string, field: string, root: string): { line: number; column: number } | undefined {
  const segments = fieldSegments(field, root);
  if (segments === undefined) return undefined;
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, strict: false });
  if (document.errors.length > 0) return undefined;
  for (let length = segments.length; length > 0; length -= 1) {
    const offset = offsetOf(document, segments.slice(0, length));
    if (offset !== undefined) return linePosition(text, offset);
  }
  return undefined;
}
