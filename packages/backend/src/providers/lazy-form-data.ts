/**
 * `FormData` for the provider SDKs, without loading Node's until one is made or met. The SDKs test
 * every request body with `body instanceof FormData`; Node 20's global `FormData` is undici's, and
 * naming it evaluates the whole of Node's fetch (see fetch-headers.ts). This stands in for it (the
 * bundles give it to the SDKs, scripts/bundle/lazy-vendors.mjs): `new LazyFormData()` makes Node's,
 * and `instanceof` asks Node's only of a value that says it is a FormData (its `Symbol.toStringTag`),
 * so a JSON body never loads it.
 */
export const LazyFormData = function LazyFormData(...args: ConstructorParameters<typeof FormData>): FormData {
  if (new.target === undefined) throw new TypeError("Class constructor FormData cannot be invoked without 'new'");
  return new globalThis.FormData(...args);
} as unknown as typeof FormData;

Object.defineProperty(LazyFormData, Symbol.hasInstance, {
  value: (value: unknown): boolean => typeof value === 'object' && value !== null && (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'FormData' && value instanceof globalThis.FormData,
});
