import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { commonJsWrapper, compileCached, type CompiledScript } from './code-cache.js';

/** What {@link loadBundle} runs. */
export interface LoadBundleOptions {
  /** The CommonJS bundle to run; its code cache is looked for beside it. */
  readonly bundleFile: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

type ModuleFunction = (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;

/**
 * Runs a CommonJS bundle as Node runs a module (`exports`, `require`, `module`, `__filename`,
 * `__dirname`), compiled with the V8 code cache the build wrote beside it (see code-cache.ts).
 * Without the cache V8 parses the whole bundle and compiles each function the start runs, most
 * of the program's start.
 */
export function loadBundle({ bundleFile, env = process.env }: LoadBundleOptions): Omit<CompiledScript, 'script'> {
  const source = commonJsWrapper(readFileSync(bundleFile, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname']);
  const { script, ...cache } = compileCached({ source, filename: bundleFile, cacheDir: dirname(bundleFile), cacheName: basename(bundleFile), env });
  const module = { exports: {} };
  const run = script.runInThisContext() as ModuleFunction;
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile));
  return cache;
}
