// Bundles src/main.ts into one self-contained ESM file, dist/sentinel-backend.mjs, that runs with
// plain `node` (or Electron's Node with ELECTRON_RUN_AS_NODE=1) and no node_modules beside it.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAX_BUNDLE_BYTES = 3 * 1024 * 1024;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${packageDir}dist/sentinel-backend.mjs`;

// CommonJS dependencies call require() on Node built-ins; give the ESM bundle a real require.
const banner = [
  "import { createRequire as __sentinelCreateRequire } from 'node:module';",
  'const require = __sentinelCreateRequire(import.meta.url);',
].join('\n');

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
  metafile: true,
  logLevel: 'warning',
});

const size = statSync(outfile).size;
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundle: ${outfile} ${(size / 1024).toFixed(0)} KiB from ${inputs} modules`);
if (size > MAX_BUNDLE_BYTES) {
  console.error(`bundle is ${size} bytes, over the ${MAX_BUNDLE_BYTES}-byte budget`);
  process.exit(1);
}
