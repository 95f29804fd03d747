/** A place in a spec document: `['assertions', 0, 'must_contain']`, written `assertions[0].must_contain`. */
export type SpecPath = readonly (string | number)[];

export function pathToString(path: SpecPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

export function parsePath(text: string): SpecPath {
  const out: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(match[2] !== undefined ? Number(match[2]) : (match[1] as string));
  return out;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(root: unknown, path: SpecPath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(node) : !isObject(node)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/**
 * A copy of `root` with the value at `path` replaced; `undefined` removes an object key (and an
 * object left empty by it, so clearing the last model setting drops `model_config`).
 */
export function setPath(root: unknown, path: SpecPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[head] = setPath(list[head], rest, value);
    return list;
  }
  const object: JsonObject = isObject(root) ? { ...root } : {};
  const next = setPath(object[head], rest, value);
  if (next === undefined || (rest.length > 0 && isObject(next) && Object.keys(next).length === 0 && value === undefined)) delete object[head];
  else object[head] = next;
  return object;
}

/** Remove item `index` of the list at `path`. */
export function removeAt(root: unknown, path: SpecPath, index: number): unknown {
  const list = getPath(root, path);
  if (!Array.isArray(list)) return root;
  const next = list.filter((_, i) => i !== index);
  return setPath(root, path, next.length > 0 ? next : undefined);
}

/** Move item `index` of the list at `path` by `delta` places. */
export function moveAt(root: unknown, path: SpecPath, index: number, delta: number): unknown {
  const list = getPath(root, path);
  const target = index + delta;
  if (!Array.isArray(list) || target < 0 || target >= list.length) return root;
  const next = [...list];
  [next[index], next[target]] = [next[target], next[index]];
  return setPath(root, path, next);
}

/** JSON text with object keys sorted, so two values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    isObject(entry) ? Object.fromEntries(Object.keys(entry).sort().map((key) => [key, entry[key]])) : entry,
  );
}

/** Equal as JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
