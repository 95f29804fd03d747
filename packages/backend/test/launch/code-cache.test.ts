import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CODE_CACHE_WRITE_VARIABLE, codeCacheFileName, commonJsWrapper, compileCached } from '../../src/launch/code-cache.js';
import { loadBundle } from '../../src/launch/load-bundle.js';
import { SIDECAR_BUNDLE_FILE_NAME } from '../../src/sidecar-path.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterEach(removeTempDirs);

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const builtCodeCache = fileURLToPath(new URL('../../dist/launch/code-cache.js', import.meta.url));

/** A small CommonJS "bundle" that reports what the loader gave it. */
const BUNDLE_SOURCE = `
const { basename } = require('node:path');
module.exports.ran = true;
globalThis.__loaded = { file: basename(__filename), dir: __dirname, self: this === exports, answer: (() => 6 * 7)() };
`;

/** Runs `loadBundle` on `bundleFile` in a child process (the cache is written at its exit) with `env`. */
function loadInChild(bundleFile: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  const script = `import { loadBundle } from ${JSON.stringify(fileURLToPath(new URL('../../dist/launch/load-bundle.js', import.meta.url)))};
const result = loadBundle({ bundleFile: ${JSON.stringify(bundleFile)} });
process.stdout.write(JSON.stringify({ ...result, loaded: globalThis.__loaded }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout }));
  });
}

describe('code caches', () => {
  it('are named after the script and the V8 that wrote them', () => {
    expect(codeCacheFileName('app.bundle.cjs', '11.3.244.8-node.38')).toBe('app.bundle.cjs.v8-11.3.244.8-node.38.cache');
    expect(codeCacheFileName('app.cjs', '12.4/x y')).toBe('app.cjs.v8-12.4_x_y.cache');
    expect(codeCacheFileName('app.cjs')).toContain(process.versions.v8);
  });

  it('a run with the write variable set writes the cache at exit; the next load is served by it', async () => {
    expect(existsSync(builtCodeCache)).toBe(true);
    const dir = await makeTempDir();
    const bundleFile = join(dir, 'app.bundle.cjs');
    await writeFile(bundleFile, BUNDLE_SOURCE);
    const first = await loadInChild(bundleFile, { [CODE_CACHE_WRITE_VARIABLE]: dir });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ cacheFile: null, cacheAccepted: false, loaded: { file: 'app.bundle.cjs', dir, self: true, answer: 42 } });
    expect(await readdir(dir)).toContain(codeCacheFileName('app.bundle.cjs'));

    const second = await loadInChild(bundleFile, {});
    expect(JSON.parse(second.stdout)).toMatchObject({ cacheFile: join(dir, codeCacheFileName('app.bundle.cjs')), cacheAccepted: true, loaded: { answer: 42 } });
    // Nothing is written without the variable: the cache file is the first run's.
    expect((await readdir(dir)).filter((file) => file.endsWith('.cache'))).toHaveLength(1);
  });

  it('a refused cache (corrupt, or for another source) only costs time: the script runs the same', async () => {
    const dir = await makeTempDir();
    const cacheFile = join(dir, codeCacheFileName('script.cjs'));
    await writeFile(cacheFile, 'not a code cache');
    const corrupt = compileCached({ source: commonJsWrapper('module.exports = 1 + 1;', ['module']), filename: 'script.cjs', cacheDir: dir, cacheName: 'script.cjs', env: {} });
    expect([corrupt.cacheFile, corrupt.cacheAccepted]).toEqual([cacheFile, false]);
    const module = { exports: 0 };
    (corrupt.script.runInThisContext() as (module: object) => void)(module);
    expect(module.exports).toBe(2);

    const dir2 = await makeTempDir();
    const bundleFile = join(dir2, 'app.bundle.cjs');
    await writeFile(bundleFile, BUNDLE_SOURCE);
    await loadInChild(bundleFile, { [CODE_CACHE_WRITE_VARIABLE]: dir2 });
    await writeFile(bundleFile, `${BUNDLE_SOURCE}\nmodule.exports.changed = true;\n`);
    const changed = await loadInChild(bundleFile, {});
    expect(JSON.parse(changed.stdout)).toMatchObject({ cacheAccepted: false, loaded: { answer: 42 } });
  });

  it('loadBundle runs a bundle with exports, require, module, __filename and __dirname', async () => {
    const dir = await makeTempDir();
    const bundleFile = join(dir, 'inline.bundle.cjs');
    await writeFile(bundleFile, BUNDLE_SOURCE);
    expect(loadBundle({ bundleFile, env: {} })).toEqual({ cacheFile: null, cacheAccepted: false });
    expect((globalThis as { __loaded?: unknown }).__loaded).toEqual({ file: 'inline.bundle.cjs', dir, self: true, answer: 42 });
  });

  it('the build wrote a cache for the sidecar that this Node accepts', async () => {
    const bundleFile = join(distDir, SIDECAR_BUNDLE_FILE_NAME);
    const source = commonJsWrapper(await readFile(bundleFile, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname']);
    const compiled = compileCached({ source, filename: bundleFile, cacheDir: distDir, cacheName: SIDECAR_BUNDLE_FILE_NAME, env: {} });
    expect(compiled).toMatchObject({ cacheFile: join(distDir, codeCacheFileName(SIDECAR_BUNDLE_FILE_NAME)), cacheAccepted: true });
  });
});
