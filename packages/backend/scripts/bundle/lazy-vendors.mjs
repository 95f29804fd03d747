// Packages the bundles need only after startup (a provider SDK on its first call, Ajv on the first
// request with a schema, ...) go beside the bundle as files of their own, read and compiled on
// first use. A module in a bundle costs its parse at every start even when it never runs: these
// packages are most of the program's bytes, and parsing them was the largest single cost of the
// sidecar's startup (even as string literals, reading them cost about 5 ms of every start).
//
// Each group below is bundled on its own (CommonJS, minified) into `<bundle>.vendor-<group>.cjs`.
// In the main bundle, an import of one of its specifiers becomes a small module of getters for the
// specifier's exports (named exports listed at build time, default as esbuild's ESM interop gives
// it): the first read of one compiles the group's file (with its code cache); a require() of it
// gets the specifier's module.exports (compiled when that require runs). A group is one
// copy of its code for all its specifiers (ajv and ajv/dist/2019.js share Ajv's core).
//
// Deferred requires (see deferred-requires.mjs) go one step further for modules a dependency
// requires at load time but uses only in rare paths.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
// tsc has just built dist/**: the name's one home is src/launch/vendor-file.ts.
import { vendorFileName } from '../../dist/launch/vendor-file.js';
import { DEFERRED_REQUIRES, deferredModuleSource } from './deferred-requires.mjs';

/**
 * Group name -> the specifiers it serves, as the sources (or a dependency) import them. A specifier
 * starting with `./` is one of our source files (from the package's folder) that re-exports a
 * package's parts by name: the group then holds only what those exports reach, and the sources'
 * relative imports of that file are served by the group.
 */
export const LAZY_VENDOR_GROUPS = {
  // The SDK's entry builds every resource; src/providers/anthropic/sdk.ts names the parts called.
  'anthropic-sdk': ['./src/providers/anthropic/sdk.ts'],
  openai: ['openai'],
  // One copy of Ajv for the spec and assertion checks and for Fastify's route schemas.
  ajv: ['ajv', 'ajv/dist/2019.js', 'ajv/dist/2020.js', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'],
  yaml: ['yaml'],
  re2js: ['re2js'],
  diff: ['diff'],
  // Fastify's inject() (tests), and its plugin version check (no plugin here declares a version).
  'light-my-request': ['light-my-request'],
  semver: ['semver'],
  // pino's worker-thread transports (the sidecar logs to stdout).
  'thread-stream': ['thread-stream'],
};

/**
 * Names a group's code sees bound to a module's export instead of Node's global of that name
 * (group -> name -> [module, export]; the module is bundled into the main bundle). The SDKs build
 * `Headers` for every request and test each body with `instanceof FormData`: Node's are undici's,
 * whose first use costs about 30 ms of CPU (see src/providers/fetch-headers.ts).
 */
const FETCH_BINDINGS = { Headers: ['src/providers/fetch-headers.ts', 'FetchHeaders'], FormData: ['src/providers/lazy-form-data.ts', 'LazyFormData'] };
export const VENDOR_BINDINGS = { 'anthropic-sdk': FETCH_BINDINGS, openai: FETCH_BINDINGS };

const RUNTIME = 'sentinel-vendor-runtime';

/** Where a group's text goes: beside the bundle, named after it (the runtime below reads it from there). */
export function vendorFile(outfile, group) {
  return join(dirname(outfile), vendorFileName(basename(outfile), group));
}
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The group's CommonJS text: `module.exports = { [specifier]: require(specifier), ... }`. */
async function groupText(specifiers, resolveDir) {
  const contents = `module.exports = {${specifiers.map((specifier) => `${JSON.stringify(specifier)}: require(${JSON.stringify(specifier)})`).join(',')}};`;
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: 'vendor-group.js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** Evaluates the text here, at build time, to list each specifier's export names. */
function exportNames(text, specifiers, resolveDir) {
  const module = { exports: {} };
  new Function('exports', 'require', 'module', text)(module.exports, createRequire(`${resolveDir}/`), module);
  const names = (value) => (value === null || (typeof value !== 'object' && typeof value !== 'function') ? [] : Object.keys(value));
  return Object.fromEntries(specifiers.map((specifier) => [specifier, names(module.exports[specifier]).filter((name) => name !== 'default' && name !== '__esModule' && IDENTIFIER.test(name))]));
}

// Compiled with its V8 code cache (written beside the bundle by the build's warm-up run; see src/launch/code-cache.ts).
const runtimeSource = `
const { readFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const { commonJsWrapper, compileCached } = require('./src/launch/code-cache.ts');
const { vendorFileName } = require('./src/launch/vendor-file.ts');
exports.runVendor = function runVendor(name, bindings = {}) {
  const module = { exports: {} };
  const file = join(__dirname, vendorFileName(basename(__filename), name));
  const source = commonJsWrapper(readFileSync(file, 'utf8'), ['exports', 'require', 'module', ...Object.keys(bindings)]);
  const { script } = compileCached({ source, filename: file, cacheDir: __dirname, cacheName: basename(file) });
  script.runInThisContext()(module.exports, require, module, ...Object.values(bindings));
  return module.exports;
};`;

/** The group's bindings (see VENDOR_BINDINGS) as an object literal's source, each a require of its module. */
function bindingsSource(group, resolveDir) {
  const entries = Object.entries(VENDOR_BINDINGS[group] ?? {});
  return `{${entries.map(([name, [module, exported]]) => `${JSON.stringify(name)}: require(${JSON.stringify(join(resolveDir, module))})[${JSON.stringify(exported)}]`).join(', ')}}`;
}

/**
 * Specifiers the sources import by name only (`import { Ajv } from 'ajv'`, never a default import;
 * checked by {@link checkNamedImportsOnly}): their importers get getters, so the group is compiled
 * at the first use of one of its exports, not when an importer is initialised (a JSON suite with
 * no regex or JSON-schema assertion never loads yaml, re2js or Ajv). The others (the SDKs, Fastify's
 * compilers) are imported with `await import()` where they are first needed, and keep the ES module view.
 */
export const NAMED_IMPORT_SPECIFIERS = ['ajv', 'ajv/dist/2019.js', 'ajv/dist/2020.js', 'yaml', 're2js', 'diff'];

/** The ES module view of a specifier: its named exports, and default as esbuild gives an ES module's (or module.exports). */
function esmFacade(group, specifier, names) {
  const bindings = names.map((name, index) => `const e${index} = m[${JSON.stringify(name)}];`).join('\n');
  return [
    `import group from ${JSON.stringify(`sentinel-vendor-group:${group}`)};`,
    `const m = group[${JSON.stringify(specifier)}];`,
    bindings,
    'export default m !== null && typeof m === "object" && m.__esModule ? m.default : m;',
    names.length === 0 ? '' : `export { ${names.map((name, index) => `e${index} as ${name}`).join(', ')} };`,
  ].join('\n');
}

/**
 * The lazy view of one of the {@link NAMED_IMPORT_SPECIFIERS}: a CommonJS module whose
 * named exports are getters. esbuild turns a named import from a CommonJS module into a property
 * read at each use, so the group's file is compiled at the first read. (A default import of it
 * would get this module itself, in Node's interop: hence the check.)
 */
function lazyFacade(group, specifier, names) {
  const load = `require(${JSON.stringify(`sentinel-vendor-group:${group}`)})[${JSON.stringify(specifier)}]`;
  return [
    'let loaded;',
    `const real = () => (loaded ??= ${load});`,
    ...names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => real()[${JSON.stringify(name)}] });`),
  ].join('\n');
}

/** Throws when a source file imports `specifier` (one of {@link NAMED_IMPORT_SPECIFIERS}) other than by name: a default, namespace or dynamic import. */
export function checkNamedImportsOnly(path, source, specifier) {
  const quoted = escapeRegExp(specifier);
  const wrong = new RegExp(`^\\s*import\\s+(?!type\\b)(?:[\\w$]+\\s*(?:,|from)|\\*)[^;]*from\\s+['"]${quoted}['"]|import\\(\\s*['"]${quoted}['"]\\s*\\)`, 'm');
  if (wrong.test(source)) throw new Error(`${path}: imports ${specifier} other than by name; the bundle's view of it has named exports only (scripts/bundle/lazy-vendors.mjs, NAMED_IMPORT_SPECIFIERS)`);
}

/**
 * The esbuild plugin: imports of the chosen groups' specifiers resolve to lazily compiled text;
 * the deferred requires whose source is a chosen group (or a built-in) resolve to load-on-use proxies.
 * @param {{ groups: string[], resolveDir: string, outfile: string }} options `outfile`: the bundle's path (its groups' files go beside it)
 */
export function lazyVendors({ groups, resolveDir, outfile }) {
  const chosen = Object.fromEntries(groups.map((group) => [group, LAZY_VENDOR_GROUPS[group]]));
  const groupOf = new Map(Object.entries(chosen).flatMap(([group, specifiers]) => specifiers.map((specifier) => [specifier, group])));
  const deferred = DEFERRED_REQUIRES.filter((entry) => isBuiltin(entry.specifier) || groupOf.has(entry.specifier));
  // Our source files that are groups' specifiers, by absolute path (their importers say `./x.js` for `x.ts`).
  const sourceSpecifiers = new Map([...groupOf.keys()].filter((specifier) => specifier.startsWith('./')).map((specifier) => [resolve(resolveDir, specifier), specifier]));
  const specifierFilter = new RegExp(`^(${[...groupOf.keys(), ...deferred.map((entry) => entry.specifier)].map(escapeRegExp).join('|')})$`);
  const texts = new Map();
  const textOf = (group) => {
    if (!texts.has(group)) texts.set(group, groupText(chosen[group], resolveDir).then((text) => ({ text, names: exportNames(text, chosen[group], resolveDir) })));
    return texts.get(group);
  };
  return {
    name: 'lazy-vendors',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: specifierFilter }, (args) => {
        if (args.namespace === 'sentinel-deferred') return undefined;
        const deferral = deferred.find((entry) => entry.specifier === args.path && entry.importer.test(args.importer));
        if (deferral !== undefined) return { path: args.path, namespace: 'sentinel-deferred' };
        if (!groupOf.has(args.path)) return undefined;
        if (args.kind === 'require-call') return { path: args.path, namespace: 'sentinel-vendor-cjs' };
        if (NAMED_IMPORT_SPECIFIERS.includes(args.path)) checkNamedImportsOnly(args.importer, readFileSync(args.importer, 'utf8'), args.path);
        return { path: args.path, namespace: 'sentinel-vendor' };
      });
      if (sourceSpecifiers.size > 0) {
        pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
          const specifier = sourceSpecifiers.get(resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
          return specifier === undefined ? undefined : { path: specifier, namespace: 'sentinel-vendor' };
        });
      }
      pluginBuild.onResolve({ filter: /^sentinel-vendor-group:/ }, (args) => ({ path: args.path.slice('sentinel-vendor-group:'.length), namespace: 'sentinel-vendor-group' }));
      pluginBuild.onResolve({ filter: new RegExp(`^${RUNTIME}$`) }, () => ({ path: RUNTIME, namespace: RUNTIME }));
      pluginBuild.onLoad({ filter: /.*/, namespace: RUNTIME }, () => ({ contents: runtimeSource, loader: 'js', resolveDir }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'sentinel-vendor-group' }, async (args) => {
        const { text } = await textOf(args.path);
        writeFileSync(vendorFile(outfile, args.path), text);
        return { contents: `module.exports = require(${JSON.stringify(RUNTIME)}).runVendor(${JSON.stringify(args.path)}, ${bindingsSource(args.path, resolveDir)});`, loader: 'js', resolveDir };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: 'sentinel-vendor' }, async (args) => {
        const group = groupOf.get(args.path);
        const { names } = await textOf(group);
        const facade = NAMED_IMPORT_SPECIFIERS.includes(args.path) ? lazyFacade : esmFacade;
        return { contents: facade(group, args.path, names[args.path]), loader: 'js', resolveDir };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: 'sentinel-vendor-cjs' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`sentinel-vendor-group:${groupOf.get(args.path)}`)})[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'sentinel-deferred' }, (args) => {
        const source = isBuiltin(args.path) ? args.path : `sentinel-vendor-group:${groupOf.get(args.path)}`;
        const pick = isBuiltin(args.path) ? '' : `[${JSON.stringify(args.path)}]`;
        return { contents: deferredModuleSource(`require(${JSON.stringify(source)})${pick}`), loader: 'js', resolveDir };
      });
    },
  };
}
