// `node --import ./ts-loader.mjs app.ts`: runs the backend's TypeScript sources unbundled (esbuild
// strips the types), and appends every module URL Node resolves to $SENTINEL_RESOLVE_LOG, so a
// test can tell which packages a process has loaded.
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
