// The entry of each bundled program (dist/sentinel-backend.cjs, dist/sentinel-cli.cjs), bundled by
// scripts/bundle.mjs as CommonJS (a CommonJS entry starts without Node's ESM loader, about 10 ms
// sooner here) with the program's bundle file name defined: it runs that bundle, beside it, with
// its code cache.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { loadBundle } from './load-bundle.js';

/** Replaced by the bundler (esbuild `define`) with the program bundle's file name. */
declare const __SENTINEL_PROGRAM_BUNDLE__: string;
/** Replaced by the bundler with the V8 flags the program runs with ('' for none); see scripts/bundle.mjs. */
declare const __SENTINEL_V8_FLAGS__: string;

// Before anything is compiled: V8 keys a code cache to the flags, and the build's warm-up ran with these.
if (__SENTINEL_V8_FLAGS__ !== '') setFlagsFromString(__SENTINEL_V8_FLAGS__);
loadBundle({ bundleFile: join(__dirname, __SENTINEL_PROGRAM_BUNDLE__) });
