// Bundles the two programs of this package, each into one ESM file that runs with plain `node` (or
// Electron's Node with ELECTRON_RUN_AS_NODE=1) and no node_modules:
//   dist/sentinel-backend.mjs  the sidecar (src/main.ts)
//   dist/sentinel-cli.mjs      the `sentinel` CLI (src/cli/bin.ts), loaded by bin/sentinel.js
// and copies better-sqlite3's native addon beside them (dist/better_sqlite3.node), which both load
// through the `nativeBinding` option. The sidecar is that folder: the bundle plus the native file.
// Packages needed only after startup are embedded as text and compiled on first use (see
// bundle/lazy-vendors.mjs).
import { build } from 'esbuild';
import { copyFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// tsc has just built dist/**: the file name's one home is src/store/native-binding.ts.
import { SQLITE_NATIVE_FILE_NAME } from '../dist/store/native-binding.js';
import { embedTemplates } from './bundle/embed-templates.mjs';
import { lazyVendors } from './bundle/lazy-vendors.mjs';
import { precompiledSchemas } from './bundle/precompile-schemas.mjs';

const MAX_SIDECAR_BYTES = 3 * 1024 * 1024;
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// CommonJS dependencies call require() on Node built-ins; give the ESM bundle a real require.
const banner = ["import { createRequire as __sentinelCreateRequire } from 'node:module';", 'const require = __sentinelCreateRequire(import.meta.url);'].join('\n');

const BUNDLES = [
  {
    name: 'sidecar',
    entry: 'src/main.ts',
    outfile: 'dist/sentinel-backend.mjs',
    maxBytes: MAX_SIDECAR_BYTES,
    // Everything /health does not need: the SDKs, the schema compilers, the spec and assertion engines' packages.
    lazyGroups: ['anthropic-sdk', 'openai', 'ajv', 'yaml', 're2js', 'diff', 'light-my-request', 'semver', 'thread-stream'],
    // Compiled once per process, at the first spec, off the startup path: precompiling would add to every start's parse.
    precompileSchemas: false,
  },
  {
    name: 'cli',
    entry: 'src/cli/bin.ts',
    outfile: 'dist/sentinel-cli.mjs',
    maxBytes: MAX_SIDECAR_BYTES,
    // A run always parses and validates its files (yaml, Ajv, re2js); it calls only the providers its specs name.
    lazyGroups: ['anthropic-sdk', 'openai'],
    // Every run checks its files at once: compiling the spec and suite schemas was most of its start.
    precompileSchemas: true,
  },
];

async function bundle({ name, entry, outfile, maxBytes, lazyGroups, precompileSchemas }) {
  const result = await build({
    entryPoints: [join(packageDir, entry)],
    outfile: join(packageDir, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    keepNames: false,
    legalComments: 'eof',
    banner: { js: banner },
    // Tells src/store/native-binding.ts to load the native file from beside the bundle.
    define: { __SENTINEL_BUNDLE__: 'true' },
    metafile: true,
    plugins: [
      embedTemplates(join(packageDir, 'templates/')),
      lazyVendors({ groups: lazyGroups, resolveDir: packageDir }),
      ...(precompileSchemas ? [precompiledSchemas(packageDir)] : []),
    ],
    logLevel: 'warning',
  });
  const size = statSync(join(packageDir, outfile)).size;
  console.log(`${name}: ${outfile} ${(size / 1024).toFixed(0)} KiB from ${Object.keys(result.metafile.inputs).length} modules (${lazyGroups.join(', ')} compiled on first use)`);
  if (size > maxBytes) throw new Error(`${outfile} is ${size} bytes, over the ${maxBytes}-byte budget`);
}

try {
  for (const options of BUNDLES) await bundle(options);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// The addon better-sqlite3 was compiled into at install (for this Node's ABI; Electron packaging
// must put one rebuilt for Electron's ABI in its place).
const sqliteDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
const nativeFile = join(packageDir, 'dist', SQLITE_NATIVE_FILE_NAME);
copyFileSync(join(sqliteDir, 'build', 'Release', SQLITE_NATIVE_FILE_NAME), nativeFile);
console.log(`native: dist/${SQLITE_NATIVE_FILE_NAME} ${(statSync(nativeFile).size / 1024).toFixed(0)} KiB (not counted in the bundle budget)`);
