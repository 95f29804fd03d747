const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** One JSON Pointer segment, unescaped (`~1` is `/`, `~0` is `~`). */
function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends one key or index to a field path in the user's terms: `.name`, `[2]`, `["odd key"]`. */
export function appendField(root: string, key: string | number): string {
  if (typeof key === 'number' || /^\d+$/.test(key)) return `${root}[${key}]`;
  if (IDENTIFIER.test(key)) return root === '' ? key : `${root}.${key}`;
  return `${root}[${JSON.stringify(key)}]`;
}

/**
 * A field path in the user's terms from a root and a JSON Pointer:
 * (`test_spec`, `/inputs/messages/1/role`) -> `test_spec.inputs.messages[1].role`.
 * An empty result is `body`.
 */
export function fieldFromPointer(root: string, pointer: string, extra?: string): string {
  const segments = pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeSegment);
  if (extra !== undefined) segments.push(extra);
  const field = segments.reduce<string>((path, segment) => appendField(path, segment), root);
  return field === '' ? 'body' : field;
}
