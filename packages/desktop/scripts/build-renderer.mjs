// Bundles the renderer (browser IIFE) and the Electron preload (CommonJS: sandboxed preloads cannot
// load ES modules) with esbuild, and copies the static files next to them in dist/renderer.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'renderer');
await mkdir(out, { recursive: true });

await build({
  entryPoints: [join(root, 'src/renderer/main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120'],
  sourcemap: true,
  logLevel: 'warning',
});

// Options shared by the two Electron bundles (preload, main), which run in Electron's Node.
const electronNode = { bundle: true, platform: 'node', external: ['electron'], target: ['node20'], logLevel: 'warning' };

await build({
  ...electronNode,
  entryPoints: [join(root, 'src/electron/preload.ts')],
  outfile: join(root, 'dist', 'electron', 'preload.cjs'),
  format: 'cjs',
});

for (const file of ['index.html', 'styles.css']) {
  await copyFile(join(root, 'src/renderer', file), join(out, file));
}

// The workspace UI (Preact, JSX through esbuild): workspace.html beside the first UI until the host
// serves the workspace functions; then it becomes index.html (docs/ui.md, "Phase 2").
await build({
  entryPoints: [join(root, 'src/renderer/app/main.tsx')],
  outfile: join(out, 'workspace.js'),
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
for (const file of ['workspace.html', 'workspace.css']) {
  await copyFile(join(root, 'src/renderer/app', file), join(out, file));
}

// The Electron main process as one file for electron-builder (the packaged app ships no node_modules).
await build({
  ...electronNode,
  entryPoints: [join(root, 'src/electron/main.ts')],
  outfile: join(root, 'dist', 'electron', 'main.bundle.mjs'),
  format: 'esm',
  banner: { js: "import { createRequire as __sentinelCreateRequire } from 'node:module'; const require = __sentinelCreateRequire(import.meta.url);" },
});
