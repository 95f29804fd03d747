import { fileURLToPath } from 'node:url';

/** File name of the one-file sidecar bundle inside `dist/`. */
export const SIDECAR_FILE_NAME = 'sentinel-backend.mjs';

/**
 * Absolute path of the bundled sidecar (`dist/sentinel-backend.mjs`): run it with `node`, or with
 * Electron's Node (`ELECTRON_RUN_AS_NODE=1`); it needs no node_modules beside it.
 */
export const sidecarPath: string = fileURLToPath(new URL(`../dist/${SIDECAR_FILE_NAME}`, import.meta.url));
