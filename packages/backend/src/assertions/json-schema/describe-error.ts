import type { ErrorObject } from 'ajv';
import { cutText, quoteList } from '../text/excerpt.js';

/** Extra words for the keywords whose Ajv message leaves out what was wrong. */
function detail({ keyword, params }: ErrorObject): string {
  if (keyword === 'additionalProperties') return ` (${JSON.stringify(String(params.additionalProperty))})`;
  if (keyword === 'enum' && Array.isArray(params.allowedValues)) return `: ${quoteList(params.allowedValues.map((value: unknown) => JSON.stringify(value)))}`;
  if (keyword === 'const') return `: ${cutText(JSON.stringify(params.allowedValue) ?? 'undefined')}`;
  return '';
}

/** Where the failing value is: its JSON Pointer, or `(root)` for the whole document. */
export function describePath(pointer: string): string {
  return pointer === '' ? '(root)' : pointer;
}

/** Where the output failed the schema and why: `/items/0/price must be number`. */
export function describeSchemaError(error: ErrorObject): string {
  return `${describePath(error.instancePath)} ${error.message ?? `fails ${error.keyword}`}${detail(error)}`;
}

/** The value at a JSON Pointer (`''`: the whole document); undefined when the path does not resolve. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let value = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
