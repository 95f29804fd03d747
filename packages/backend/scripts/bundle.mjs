// Bundles the two programs of this package, each into one CommonJS file that runs with plain `node`
// (or Electron's Node) and no node_modules, started by a small launcher (src/launch/launcher.ts):
//   dist/sentinel-backend.cjs  the sidecar's launcher; its program is dist/sentinel-backend.bundle.cjs (src/main.ts)
//   dist/sentinel-cli.cjs      the `sentinel` CLI's launcher (loaded by bin/sentinel.cjs); its program
//                              is dist/sentinel-cli.bundle.cjs (src/cli/bin.ts)
// copies better-sqlite3's native addon beside them (dist/better_sqlite3.node), which both load
// through the `nativeBinding` option, and runs each program to write the V8 code caches beside it
// (bundle/warm-code-cache.mjs). Packages needed only after startup go beside each bundle as files
// of their own, compiled on first use (bundle/lazy-vendors.mjs). The sidecar is that folder:
// launcher, bundle, its packages, native file (and the caches, for this Node's V8).
import { build } from 'esbuild';
import { copyFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// tsc has just built dist/**: the file name's one home is src/store/native-binding.ts.
import { SQLITE_NATIVE_FILE_NAME } from '../dist/store/native-binding.js';
import { SIDECAR_BUNDLE_FILE_NAME, SIDECAR_FILE_NAME } from '../dist/sidecar-path.js';
import { CLI_BUNDLE_FILE_NAME, CLI_FILE_NAME } from '../dist/cli/bundle-files.js';
import { isCodeCacheFile } from '../dist/launch/code-cache.js';
import { isVendorFileOf } from '../dist/launch/vendor-file.js';
import { embedTemplates } from './bundle/embed-templates.mjs';
import { lazyVendors, vendorFile } from './bundle/lazy-vendors.mjs';
import { precompiledSchemas } from './bundle/precompile-schemas.mjs';
import { warmCliCodeCache, warmSidecarCodeCache } from './bundle/warm-code-cache.mjs';

const MAX_SIDECAR_BYTES = 3 * 1024 * 1024;
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// The sources read import.meta.url (to find files beside the bundle): in CommonJS it is this.
const banner = "const __sentinelBundleUrl = require('node:url').pathToFileURL(__filename).href;";

const BUNDLES = [
  {
    name: 'sidecar',
    entry: 'src/main.ts',
    launcher: `dist/${SIDECAR_FILE_NAME}`,
    outfile: `dist/${SIDECAR_BUNDLE_FILE_NAME}`,
    maxBytes: MAX_SIDECAR_BYTES,
    // Everything /health does not need: the SDKs, the schema compilers, the spec and assertion engines' packages.
    lazyGroups: ['anthropic-sdk', 'openai', 'ajv', 'yaml', 're2js', 'diff', 'light-my-request', 'semver', 'thread-stream'],
    // Compiled once per process, at the first spec, off the startup path: precompiling would add to every start's parse.
    precompileSchemas: false,
  },
  {
    name: 'cli',
    entry: 'src/cli/bin.ts',
    launcher: `dist/${CLI_FILE_NAME}`,
    outfile: `dist/${CLI_BUNDLE_FILE_NAME}`,
    maxBytes: MAX_SIDECAR_BYTES,
    // It calls only the providers its specs name; yaml only for a YAML file, RE2 for a regex, Ajv
    // for a JSON-schema assertion (the spec and suite schemas themselves are precompiled).
    lazyGroups: ['anthropic-sdk', 'openai', 'ajv', 'yaml', 're2js'],
    // Every run checks its files at once: compiling the spec and suite schemas was most of its start.
    precompileSchemas: true,
  },
];

/** The program's launcher: a small CommonJS file that runs the bundle beside it with its code cache. */
async function bundleLauncher(launcher, outfile) {
  await build({
    entryPoints: [join(packageDir, 'src/launch/launcher.ts')],
    outfile: join(packageDir, launcher),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { __SENTINEL_PROGRAM_BUNDLE__: JSON.stringify(basename(outfile)) },
    logLevel: 'warning',
  });
  return statSync(join(packageDir, launcher)).size;
}

async function bundle({ name, entry, launcher, outfile, maxBytes, lazyGroups, precompileSchemas }) {
  for (const file of readdirSync(join(packageDir, 'dist'))) if (isVendorFileOf(basename(outfile), file)) rmSync(join(packageDir, 'dist', file));
  const result = await build({
    entryPoints: [join(packageDir, entry)],
    outfile: join(packageDir, outfile),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // SENTINEL_BUNDLE_MINIFY=0 keeps names and lines, for reading a CPU profile of a bundle.
    minify: process.env.SENTINEL_BUNDLE_MINIFY !== '0',
    keepNames: false,
    legalComments: 'eof',
    banner: { js: banner },
    // Tells src/store/native-binding.ts to load the native file from beside the bundle.
    define: { __SENTINEL_BUNDLE__: 'true', 'import.meta.url': '__sentinelBundleUrl' },
    metafile: true,
    plugins: [
      embedTemplates(join(packageDir, 'templates/')),
      lazyVendors({ groups: lazyGroups, resolveDir: packageDir, outfile: join(packageDir, outfile) }),
      ...(precompileSchemas ? [precompiledSchemas(packageDir)] : []),
    ],
    logLevel: 'warning',
  });
  const vendorBytes = lazyGroups.reduce((total, group) => total + statSync(vendorFile(join(packageDir, outfile), group)).size, 0);
  const programBytes = statSync(join(packageDir, outfile)).size;
  const size = programBytes + vendorBytes + (await bundleLauncher(launcher, outfile));
  console.log(
    `${name}: ${launcher} + ${outfile} ${(programBytes / 1024).toFixed(0)} KiB from ${Object.keys(result.metafile.inputs).length} modules, + ${(vendorBytes / 1024).toFixed(0)} KiB beside it compiled on first use (${lazyGroups.join(', ')}): ${(size / 1024).toFixed(0)} KiB in all`,
  );
  if (size > maxBytes) throw new Error(`${name}: its files are ${size} bytes, over the ${maxBytes}-byte budget`);
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

// The code caches: written by warm-up runs of each program (V8 refuses a stale one, but a cache is
// only ever written for the bundle it sits beside).
const distDir = join(packageDir, 'dist');
for (const file of readdirSync(distDir)) if (isCodeCacheFile(file)) rmSync(join(distDir, file));
try {
  await warmSidecarCodeCache({ launcher: join(distDir, SIDECAR_FILE_NAME), cacheDir: distDir });
  await warmCliCodeCache({ launcher: join(distDir, CLI_FILE_NAME), cacheDir: distDir });
} catch (error) {
  console.error(`code cache: ${error.message}`);
  process.exit(1);
}
const caches = readdirSync(distDir).filter(isCodeCacheFile);
const cacheBytes = caches.reduce((total, file) => total + statSync(join(distDir, file)).size, 0);
console.log(`code caches: ${caches.length} files, ${(cacheBytes / 1024).toFixed(0)} KiB (for V8 ${process.versions.v8}; not counted in the bundle budget)`);
