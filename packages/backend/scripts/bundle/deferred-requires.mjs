// Modules a dependency require()s when it loads but uses only on paths the sidecar never takes:
// the importer gets a stand-in that loads the real module on first use (a property read, a call).
// Safe only where the importer keeps the module object and reads from it later (checked for each
// entry below by reading the dependency's source; re-check when upgrading it).

/** `importer` matches the requiring file's path; `specifier` is what it requires. */
export const DEFERRED_REQUIRES = [
  // fastify/lib/server.js: `const https = require('node:https')` and `http2`, used only for HTTPS or HTTP/2 servers.
  { importer: /[\\/]fastify[\\/]lib[\\/]server\.js$/, specifier: 'node:https' },
  { importer: /[\\/]fastify[\\/]lib[\\/]server\.js$/, specifier: 'node:http2' },
  // fastify/lib/server.js: `dns.lookup(...)` only to bind every address of a host name (the sidecar listens on an IP).
  { importer: /[\\/]fastify[\\/]lib[\\/]server\.js$/, specifier: 'node:dns' },
  // fastify/lib/plugin-utils.js: `semver.gt(...)`, `semver.satisfies(...)` when a plugin declares the Fastify versions it needs.
  { importer: /[\\/]fastify[\\/]lib[\\/]plugin-utils\.js$/, specifier: 'semver' },
  // pino/lib/transport.js: `new ThreadStream(...)` for a log transport (a worker thread); the sidecar logs to stdout.
  { importer: /[\\/]pino[\\/]lib[\\/]transport\.js$/, specifier: 'thread-stream' },
];

/** A CommonJS module exporting a stand-in for `load` (an expression): it is evaluated on the stand-in's first use. */
export function deferredModuleSource(load) {
  return `
let loaded;
const real = () => (loaded ??= ${load});
module.exports = new Proxy(function deferred() {}, {
  get: (_target, key) => Reflect.get(real(), key),
  has: (_target, key) => Reflect.has(real(), key),
  apply: (_target, self, args) => Reflect.apply(real(), self, args),
  construct: (_target, args, newTarget) => Reflect.construct(real(), args, newTarget),
});`;
}
