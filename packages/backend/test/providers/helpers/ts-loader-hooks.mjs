// Module hooks for ts-loader.mjs (they run on Node's loader thread).
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const log = process.env.SENTINEL_RESOLVE_LOG;

export async function resolve(specifier, context, nextResolve) {
  let resolved;
  try {
    resolved = await nextResolve(specifier, context);
  } catch (error) {
    // The sources import './x.js' for './x.ts' (NodeNext style).
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.endsWith('.js') || context.parentURL?.endsWith('.ts') !== true) throw error;
    resolved = await nextResolve(specifier.replace(/\.js$/, '.ts'), context);
  }
  if (log !== undefined) appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = transformSync(readFileSync(fileURLToPath(url), 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: url });
  return { format: 'module', source: source.code, shortCircuit: true };
}
