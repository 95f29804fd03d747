import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Environment variable naming a directory: each script compiled through {@link compileCached} writes
 * its code cache there when the process exits. The build sets it for one warm-up run of each program
 * (scripts/bundle/warm-code-cache.mjs); nothing else should.
 */
export const CODE_CACHE_WRITE_VARIABLE = 'SENTINEL_WRITE_CODE_CACHE';

/**
 * A code cache's file name: the script's name and the V8 that wrote it. V8 refuses a cache from
 * another version or other flags anyway; the name keeps Electron's Node (another V8) from even
 * reading the one `node` wrote at build time.
 */
export function codeCacheFileName(scriptName: string, v8Version: string = process.versions.v8): string {
  return `${scriptName}.v8-${v8Version.replace(/[^\w.-]/g, '_')}.cache`;
}

/** True for a file name {@link codeCacheFileName} makes (for any V8). */
export function isCodeCacheFile(fileName: string): boolean {
  return /\.v8-[\w.-]+\.cache$/.test(fileName);
}

/** What {@link compileCached} compiles. */
export interface CompileCachedOptions {
  /** The source, a function expression (a CommonJS wrapper). */
  readonly source: string;
  /** Shown in stack traces. */
  readonly filename: string;
  /** Where the cache file lives. */
  readonly cacheDir: string;
  /** Names the cache file (see {@link codeCacheFileName}). */
  readonly cacheName: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** A compiled script, and whether a code cache served it. */
export interface CompiledScript {
  readonly script: Script;
  /** The cache file that was read, or null when there was none. */
  readonly cacheFile: string | null;
  /** True when V8 accepted the cache (it refuses one written by another V8, with other flags, or for another source). */
  readonly cacheAccepted: boolean;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside its final name, then renamed into place: a reader never sees half a file. */
function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/**
 * Compiles `source` with its V8 code cache when there is one for this V8: V8 then deserializes
 * the bytecode of every function the warm-up run compiled instead of parsing and compiling them
 * again. A missing or refused cache costs only that time; the script runs the same.
 */
export function compileCached({ source, filename, cacheDir, cacheName, env = process.env }: CompileCachedOptions): CompiledScript {
  const cacheFile = join(cacheDir, codeCacheFileName(cacheName));
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(source, { filename, ...(cachedData === undefined ? {} : { cachedData }) });
  const writeDir = env[CODE_CACHE_WRITE_VARIABLE];
  // Written at exit, the cache holds every function the run compiled, not only the top level.
  if (writeDir !== undefined && writeDir !== '') process.once('exit', () => writeAtomically(join(writeDir, codeCacheFileName(cacheName)), script.createCachedData()));
  return { script, cacheFile: cachedData === undefined ? null : cacheFile, cacheAccepted: cachedData !== undefined && script.cachedDataRejected !== true };
}

/** Wraps CommonJS source in the function Node's module wrapper is. */
export function commonJsWrapper(source: string, parameters: readonly string[]): string {
  return `(function (${parameters.join(', ')}) {${source}\n})`;
}
