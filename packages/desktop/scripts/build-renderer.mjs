// Bundles the workspace UI (Preact, JSX through esbuild, one browser IIFE) and the Electron preload
// (CommonJS: sandboxed preloads cannot load ES modules), copies the static files next to them in
// dist/renderer, and bundles the Electron main process into one file for electron-builder.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'renderer');
// Files of an earlier layout (the first UI, the workspace beside it) must not linger in dist/.
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

await build({
  entryPoints: [join(root, 'src/renderer/app/main.tsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css', 'app/workspace.css']) {
  await copyFile(join(root, 'src/renderer', file), join(out, file.replace(/^app\//, '')));
}

// Options shared by the two Electron bundles (preload, main), which run in Electron's Node.
const electronNode = { bundle: true, platform: 'node', external: ['electron'], target: ['node20'], logLevel: 'warning' };

await build({
  ...electronNode,
  entryPoints: [join(root, 'src/electron/preload.ts')],
  outfile: join(root, 'dist', 'electron', 'preload.cjs'),
  format: 'cjs',
});

// The Electron main process as one file for electron-builder (the packaged app ships no node_modules).
await build({
  ...electronNode,
  entryPoints: [join(root, 'src/electron/main.ts')],
  outfile: join(root, 'dist', 'electron', 'main.bundle.mjs'),
  format: 'esm',
  banner: { js: "import { createRequire as __sentinelCreateRequire } from 'node:module'; const require = __sentinelCreateRequire(import.meta.url);" },
});
