// Bundles src/main.ts into one ESM file, dist/sentinel-backend.mjs, that runs with plain `node` (or
// Electron's Node with ELECTRON_RUN_AS_NODE=1) and no node_modules, and copies better-sqlite3's native
// addon beside it (dist/better_sqlite3.node), which the bundle loads through the `nativeBinding` option.
// The sidecar is that folder: the bundle plus the native file.
import { build } from 'esbuild';
import { copyFileSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// tsc has just built dist/**: the file name's one home is src/store/native-binding.ts.
import { SQLITE_NATIVE_FILE_NAME } from '../dist/store/native-binding.js';

const MAX_BUNDLE_BYTES = 3 * 1024 * 1024;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${packageDir}dist/sentinel-backend.mjs`;

// CommonJS dependencies call require() on Node built-ins; give the ESM bundle a real require.
const banner = [
  "import { createRequire as __sentinelCreateRequire } from 'node:module';",
  'const require = __sentinelCreateRequire(import.meta.url);',
].join('\n');

// The starter templates (templates/*.yaml, their one source) go inside the bundle, which runs with
// no package folder beside it: src/library/template-files.ts, which reads them from disk, is
// replaced by a module with the same export returning the files' text.
const templatesFolder = `${packageDir}templates/`;
const embedTemplates = {
  name: 'embed-templates',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]library[\\/]template-files\.ts$/ }, async () => {
      const names = (await readdir(templatesFolder)).filter((name) => name.endsWith('.yaml')).sort();
      const files = await Promise.all(names.map(async (fileName) => ({ fileName, text: await readFile(`${templatesFolder}${fileName}`, 'utf8') })));
      return { contents: `export async function readTemplateFiles() { return ${JSON.stringify(files)}; }`, loader: 'js', watchFiles: names.map((name) => `${templatesFolder}${name}`) };
    });
  },
};

const result = await build({
  entryPoints: [`${packageDir}src/main.ts`],
  outfile,
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
  plugins: [embedTemplates],
  logLevel: 'warning',
});

// The addon better-sqlite3 was compiled into at install (for this Node's ABI; Electron packaging
// must put one rebuilt for Electron's ABI in its place).
const sqliteDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
const nativeFile = join(packageDir, 'dist', SQLITE_NATIVE_FILE_NAME);
copyFileSync(join(sqliteDir, 'build', 'Release', SQLITE_NATIVE_FILE_NAME), nativeFile);

const size = statSync(outfile).size;
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundle: ${outfile} ${(size / 1024).toFixed(0)} KiB from ${inputs} modules`);
console.log(`native: ${nativeFile} ${(statSync(nativeFile).size / 1024).toFixed(0)} KiB (not counted in the bundle budget)`);
if (size > MAX_BUNDLE_BYTES) {
  console.error(`bundle is ${size} bytes, over the ${MAX_BUNDLE_BYTES}-byte budget`);
  process.exit(1);
}
