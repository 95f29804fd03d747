// `npm run screenshots -w @sentinel/desktop [-- test files]`: run the Chromium tests with
// SENTINEL_WRITE_SCREENSHOTS=1 so they refresh packages/desktop/screenshots/. Plain `npx vitest run`
// never writes them. Needs `npm run build` (backend and desktop) and /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const files = process.argv.slice(2);
const child = spawn(process.execPath, [vitest, 'run', ...(files.length > 0 ? files : ['chromium'])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SENTINEL_WRITE_SCREENSHOTS: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
