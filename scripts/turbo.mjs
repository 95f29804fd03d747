#!/usr/bin/env node
// Runs turbo with telemetry off on every platform (no shell-specific `VAR=1 cmd` syntax).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const turboBin = join(dirname(require.resolve('turbo/package.json')), 'bin', 'turbo');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const child = spawn(process.execPath, [turboBin, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
