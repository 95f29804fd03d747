#!/usr/bin/env node
// Committed on purpose: npm links a workspace's bin at install time only if the file exists, and
// dist/ is built after `npm ci`. So the bin is this launcher, which loads the built (bundled) CLI.
// CommonJS (.cjs in this "type": "module" package): an ES module entry would start Node's ESM
// loader first, about 10 ms of every run.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

// The name's home is src/cli/bundle-files.ts (CLI_FILE_NAME); this file runs before any build, so it spells it.
const entry = join(__dirname, '..', 'dist', 'sentinel-cli.cjs');
if (!existsSync(entry)) {
  process.stderr.write('sentinel is not built yet: run `npm run build` at the repository root first.\n');
  process.exit(2);
}
require(entry);
