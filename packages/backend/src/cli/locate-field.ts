import { isNode, parseDocument } from 'yaml';
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

/**
 * Where a field named by a validation error (`suite.tests[2].model`) is written in a YAML or JSON
 * text: the line and column of its value, or of the nearest enclosing field that exists (a missing
 * field is reported where it should be added). Undefined when the text does not parse as YAML.
 * Only called on the error path: it parses the text a second time, keeping node positions.
 */
export function locateField(text: string, field: string, root: string): { line: number; column: number } | undefined {
  const segments = fieldSegments(field, root);
  if (segments === undefined) return undefined;
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, strict: false });
  if (document.errors.length > 0) return undefined;
  for (let length = segments.length; length > 0; length -= 1) {
    const node: unknown = document.getIn(segments.slice(0, length), true);
    if (isNode(node) && node.range !== undefined && node.range !== null) return linePosition(text, node.range[0]);
  }
  return undefined;
}
