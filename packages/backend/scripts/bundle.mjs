// Bundles src/main.ts into one self-contained ESM file, dist/sentinel-backend.mjs, that runs with
// plain `node` (or Electron's Node with ELECTRON_RUN_AS_NODE=1) and no node_modules beside it.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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
  metafile: true,
  plugins: [embedTemplates],
  logLevel: 'warning',
});

const size = statSync(outfile).size;
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundle: ${outfile} ${(size / 1024).toFixed(0)} KiB from ${inputs} modules`);
if (size > MAX_BUNDLE_BYTES) {
  console.error(`bundle is ${size} bytes, over the ${MAX_BUNDLE_BYTES}-byte budget`);
  process.exit(1);
}
