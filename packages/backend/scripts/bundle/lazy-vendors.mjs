// Packages the bundles need only after startup (a provider SDK on its first call, Ajv on the first
// request with a schema, ...) go beside the bundle as files of their own, read and compiled on
// first use. A module in a bundle costs its parse at every start even when it never runs: these
// packages are most of the program's bytes, and parsing them was the largest single cost of the
// sidecar's startup (even as string literals, reading them cost about 5 ms of every start).
//
// Each group below is bundled on its own (CommonJS, minified) into `<bundle>.vendor-<group>.cjs`.
// In the main bundle, an import of one of its specifiers becomes a small module that, when first
// evaluated (which happens only when its importer is), compiles the group's file (with its code cache) and
// re-exports the specifier's exports (named exports listed at build time, default as esbuild's
// ESM interop gives it); a require() of it gets the specifier's module.exports. A group is one
// copy of its code for all its specifiers (ajv and ajv/dist/2019.js share Ajv's core).
//
// Deferred requires (see deferred-requires.mjs) go one step further for modules a dependency
// requires at load time but uses only in rare paths.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { basename, dirname, join } from 'node:path';
// tsc has just built dist/**: the name's one home is src/launch/vendor-file.ts.
import { vendorFileName } from '../../dist/launch/vendor-file.js';
import { DEFERRED_REQUIRES, deferredModuleSource } from './deferred-requires.mjs';

/** Group name -> the specifiers it serves, as the sources (or a dependency) import them. */
export const LAZY_VENDOR_GROUPS = {
  'anthropic-sdk': ['@anthropic-ai/sdk'],
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
exports.runVendor = function runVendor(name) {
  const module = { exports: {} };
  const file = join(__dirname, vendorFileName(basename(__filename), name));
  const source = commonJsWrapper(readFileSync(file, 'utf8'), ['exports', 'require', 'module']);
  const { script } = compileCached({ source, filename: file, cacheDir: __dirname, cacheName: basename(file) });
  script.runInThisContext()(module.exports, require, module);
  return module.exports;
};`;

/** The ESM view of a specifier: its named exports, and default as esbuild gives an ES module's (or module.exports). */
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
 * The esbuild plugin: imports of the chosen groups' specifiers resolve to lazily compiled text;
 * the deferred requires whose source is a chosen group (or a built-in) resolve to load-on-use proxies.
 * @param {{ groups: string[], resolveDir: string, outfile: string }} options `outfile`: the bundle's path (its groups' files go beside it)
 */
export function lazyVendors({ groups, resolveDir, outfile }) {
  const chosen = Object.fromEntries(groups.map((group) => [group, LAZY_VENDOR_GROUPS[group]]));
  const groupOf = new Map(Object.entries(chosen).flatMap(([group, specifiers]) => specifiers.map((specifier) => [specifier, group])));
  const deferred = DEFERRED_REQUIRES.filter((entry) => isBuiltin(entry.specifier) || groupOf.has(entry.specifier));
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
        return { path: args.path, namespace: args.kind === 'require-call' ? 'sentinel-vendor-cjs' : 'sentinel-vendor' };
      });
      pluginBuild.onResolve({ filter: /^sentinel-vendor-group:/ }, (args) => ({ path: args.path.slice('sentinel-vendor-group:'.length), namespace: 'sentinel-vendor-group' }));
      pluginBuild.onResolve({ filter: new RegExp(`^${RUNTIME}$`) }, () => ({ path: RUNTIME, namespace: RUNTIME }));
      pluginBuild.onLoad({ filter: /.*/, namespace: RUNTIME }, () => ({ contents: runtimeSource, loader: 'js', resolveDir }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'sentinel-vendor-group' }, async (args) => {
        const { text } = await textOf(args.path);
        writeFileSync(vendorFile(outfile, args.path), text);
        return { contents: `module.exports = require(${JSON.stringify(RUNTIME)}).runVendor(${JSON.stringify(args.path)});`, loader: 'js' };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: 'sentinel-vendor' }, async (args) => {
        const group = groupOf.get(args.path);
        const { names } = await textOf(group);
        return { contents: esmFacade(group, args.path, names[args.path]), loader: 'js', resolveDir };
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
