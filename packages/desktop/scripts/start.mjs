// `npm start` (root: `npm run build && npm run start -w @sentinel/desktop`).
// Launches the Electron app where Electron can run; otherwise prints ONE line saying why and starts
// browser mode (the same UI served on 127.0.0.1 with a one-time login link).
// SENTINEL_BROWSER_MODE=1 forces browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** Bound on Electron's binary download, so a blocked network falls back quickly. */
const INSTALL_TIMEOUT_MS = 120_000;

/** The Electron binary path, or undefined when its dist is missing. */
function electronBinary() {
  try {
    const path = require('electron'); // the npm package exports the binary's path; throws without it
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Why Electron cannot run here, or undefined when it can (installing the binary if it is missing). */
function electronUnavailableReason() {
  if (process.env.SENTINEL_BROWSER_MODE === '1') return 'SENTINEL_BROWSER_MODE=1 is set';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display is available (DISPLAY and WAYLAND_DISPLAY are unset)';
  if (electronBinary()) return undefined;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set";
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return 'the electron package is not installed';
  }
  const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: INSTALL_TIMEOUT_MS, encoding: 'utf8' });
  if (electronBinary()) return undefined;
  const detail = (result.error?.message ?? result.stderr ?? '').split('\n').find((line) => line.trim()) ?? `exit code ${result.status}`;
  return `Electron's binary could not be downloaded (${detail.trim().slice(0, 160)})`;
}

const reason = electronUnavailableReason();
if (reason === undefined) {
  const child = spawn(electronBinary(), [root], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(`Electron cannot run here: ${reason}. Starting Sentinel in browser mode instead.`);
  await import(pathToFileURL(join(root, 'dist', 'browser', 'main.js')).href);
}
