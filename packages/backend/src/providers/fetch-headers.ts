/**
 * The `Headers` of the providers' HTTP: a class of the Fetch standard's `Headers`, without Node's.
 *
 * Node 20's global `Headers` is undici's, and its first use evaluates the whole of Node's fetch
 * (undici with its HTTP/2 client and the web streams): about 30 ms of CPU, which every
 * `sentinel run` paid before its first model call, and more per call than this class. The bundles
 * give this class to the provider SDKs as their `Headers` (scripts/bundle/lazy-vendors.mjs) and
 * node-http-fetch builds its responses' headers with it. headers-polyfill was tried and declined:
 * its constructor reads `globalThis.Headers`, which loads undici all the same.
 *
 * As the standard: names are case-insensitive and checked (a token), values are trimmed of HTTP
 * whitespace and may not hold NUL, CR or LF, `get` joins repeated values with ", ", iteration is
 * sorted by name and gives each `set-cookie` on its own.
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const FORBIDDEN_IN_VALUE = /[\0\r\n]/;

/** What a `Headers` is built from: another headers object or pairs, or a record of names to values. */
export type FetchHeadersInit = Iterable<readonly [string, string]> | Record<string, string> | { forEach(callback: (value: string, name: string) => void): void };

function checkedName(name: string): string {
  const text = String(name);
  if (!TOKEN.test(text)) throw new TypeError(`Headers: invalid header name "${text}"`);
  return text.toLowerCase();
}

function checkedValue(value: string, name: string): string {
  const text = String(value).replace(HTTP_WHITESPACE, '');
  if (FORBIDDEN_IN_VALUE.test(text)) throw new TypeError(`Headers: invalid value for header "${name}"`);
  return text;
}

export class FetchHeaders implements Iterable<[string, string]> {
  /** Lowercased name -> its values, in the order appended. */
  readonly #values = new Map<string, string[]>();

  constructor(init?: FetchHeadersInit | null) {
    if (init === undefined || init === null) return;
    if (typeof init !== 'object') throw new TypeError('Headers: init must be an object, an iterable of pairs or a headers object');
    if (Symbol.iterator in init) {
      for (const pair of init as Iterable<readonly [string, string]>) {
        if (pair.length !== 2) throw new TypeError('Headers: each init pair must have a name and a value');
        this.append(pair[0], pair[1]);
      }
    } else if (typeof (init as { forEach?: unknown }).forEach === 'function') {
      (init as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => this.append(name, value));
    } else {
      for (const name of Object.keys(init)) this.append(name, (init as Record<string, string>)[name] as string);
    }
  }

  append(name: string, value: string): void {
    const key = checkedName(name);
    const checked = checkedValue(value, key);
    const values = this.#values.get(key);
    if (values === undefined) this.#values.set(key, [checked]);
    else values.push(checked);
  }

  set(name: string, value: string): void {
    const key = checkedName(name);
    this.#values.set(key, [checkedValue(value, key)]);
  }

  delete(name: string): void {
    this.#values.delete(checkedName(name));
  }

  has(name: string): boolean {
    return this.#values.has(checkedName(name));
  }

  get(name: string): string | null {
    return this.#values.get(checkedName(name))?.join(', ') ?? null;
  }

  getSetCookie(): string[] {
    return [...(this.#values.get('set-cookie') ?? [])];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.#values.keys()].sort()) {
      const values = this.#values.get(name) as string[];
      if (name === 'set-cookie') for (const value of values) yield [name, value];
      else yield [name, values.join(', ')];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: string, name: string, headers: FetchHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }
}
