// `npm run package`: build everything this app ships, then run electron-builder with our config.
// electron-builder downloads Electron for the target platform, so this needs internet access.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const config = require(join(root, 'electron-builder.config.cjs'));
const backend = config.extraResources[0].from;

const run = (command, args, cwd = root) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npm', ['run', 'build', '-w', '@sentinel/backend'], join(root, '..', '..'));
run('npm', ['run', 'build']);
if (!existsSync(backend)) {
  console.error(`The backend bundle is missing at ${backend}; build @sentinel/backend first.`);
  process.exit(1);
}
run(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.config.cjs', ...process.argv.slice(2)]);
