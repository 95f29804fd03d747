#!/usr/bin/env node
// Committed on purpose: npm links a workspace's bin at install time only if the file exists, and
// dist/ is built after `npm ci`. So the bin is this launcher, which loads the built (bundled) CLI.
import { existsSync } from 'node:fs';

// The name's home is src/cli/bundle-files.ts (CLI_FILE_NAME); this file runs before any build, so it spells it.
const entry = new URL('../dist/sentinel-cli.cjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sentinel is not built yet: run `npm run build` at the repository root first.\n');
  process.exit(2);
}
await import(entry.href);
