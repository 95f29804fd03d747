/**
 * File name of the `sentinel` CLI's launcher inside `dist/` (bin/sentinel.cjs loads it; a committed
 * file that cannot import this before the build, it spells the name itself).
 */
export const CLI_FILE_NAME = 'sentinel-cli.cjs';

/** File name of the CLI's program beside its launcher (see the sidecar's SIDECAR_BUNDLE_FILE_NAME). */
export const CLI_BUNDLE_FILE_NAME = 'sentinel-cli.bundle.cjs';
