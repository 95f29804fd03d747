// better-sqlite3's native file rebuilt for Electron's ABI, in a staging folder: the workspace's own
// node_modules (built for Node, used by every test) is never touched. @electron/rebuild fetches a
// prebuilt binary for Electron or compiles it against Electron's headers: both need internet access.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SQLITE_MODULE = 'better-sqlite3';

/**
 * Copy better-sqlite3 (its sources, not its Node build) into `workDir` and rebuild it there for
 * Electron. Returns the rebuilt `better_sqlite3.node`. `rebuild` is @electron/rebuild's.
 */
export async function rebuildSqliteForElectron({ sourceDir, version, electronVersion, arch, workDir, rebuild }) {
  const moduleDir = join(workDir, 'node_modules', SQLITE_MODULE);
  await mkdir(moduleDir, { recursive: true });
  await cp(sourceDir, moduleDir, { recursive: true, filter: (path) => !path.startsWith(join(sourceDir, 'build')) });
  await writeFile(join(workDir, 'package.json'), JSON.stringify({ name: 'sentinel-native-build', private: true, dependencies: { [SQLITE_MODULE]: version } }));
  await rebuild({ buildPath: workDir, electronVersion, arch, onlyModules: [SQLITE_MODULE], force: true });
  return join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
}
