// The entry of each bundled program (dist/sentinel-backend.cjs, dist/sentinel-cli.cjs), bundled by
// scripts/bundle.mjs as CommonJS (a CommonJS entry starts without Node's ESM loader, about 10 ms
// sooner here) with the program's bundle file name defined: it runs that bundle, beside it, with
// its code cache. It sets no V8 flags: the CLI once kept V8's young generation at its first size
// (`--semi-space-growth-factor=1`, 5 MB less peak RSS in a 200-case run), but setting a flag at run
// time needs node:v8, about 4 ms to load, and the run was no faster for the smaller heap.
import { join } from 'node:path';
import { loadBundle } from './load-bundle.js';

/** Replaced by the bundler (esbuild `define`) with the program bundle's file name. */
declare const __SENTINEL_PROGRAM_BUNDLE__: string;

loadBundle({ bundleFile: join(__dirname, __SENTINEL_PROGRAM_BUNDLE__) });
