// Which Node ABI a native addon was built for, read from the file itself: a non-N-API addon such as
// better-sqlite3 exports `node_register_module_v<ABI>` (115 = Node 20, 145 = Electron 41). Used to
// refuse packaging a native file built for the wrong runtime.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const MARKER = /node_register_module_v(\d+)/;

/** The ABI (NODE_MODULE_VERSION) of a native addon file, or undefined when it names none. */
export function nativeModuleAbi(file) {
  const match = MARKER.exec(readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : undefined;
}

/** The installed `electron` package's version and ABI (what electron-builder packages). */
export function installedElectron(require = createRequire(import.meta.url)) {
  const manifest = require.resolve('electron/package.json');
  const { version } = require(manifest);
  const abi = Number(readFileSync(manifest.replace(/package\.json$/, 'abi_version'), 'utf8').trim());
  return { version, abi };
}
