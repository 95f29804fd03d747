import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './exit-codes.js';

/** Extensions of the files `sentinel run` reads (in folders, and when named). */
export const SPEC_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];
/** Folders never searched: dependencies, version control, and the CLI's own data directory's usual name. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.sentinel']);

/** A file to run, with the name it is shown by. */
export interface SpecFile {
  /** Absolute path. */
  readonly path: string;
  /** Relative to the working directory with `/` separators (the path itself when outside it). */
  readonly display: string;
}

const isSpecFile = (name: string): boolean => SPEC_EXTENSIONS.includes(extname(name).toLowerCase());
/** Code-unit order, the same on every machine and locale. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function displayName(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  const shown = inside === '' || inside.startsWith('..') ? path : inside;
  return shown.split(sep).join('/');
}

/** Every spec file under a folder, depth first, entries in code-unit order; hidden and skipped folders are left out. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) found.push(...(await filesUnder(path)));
    } else if (entry.isFile() && isSpecFile(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

async function filesOf(argument: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, argument);
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'no such file or folder' : error.code === 'EACCES' ? 'permission denied' : error.message;
    throw new UsageError(`${argument}: ${reason}`, { cause: error });
  });
  if (stats.isDirectory()) {
    const files = await filesUnder(path);
    if (files.length === 0) throw new UsageError(`${argument}: the folder holds no ${SPEC_EXTENSIONS.join(', ')} file`);
    return files;
  }
  if (!stats.isFile()) throw new UsageError(`${argument}: not a file or a folder`);
  if (!isSpecFile(path)) throw new UsageError(`${argument}: not a ${SPEC_EXTENSIONS.join(', ')} file`);
  return [path];
}

/**
 * The files to run, in a deterministic order: the arguments in the order given, each folder's
 * files in code-unit order of their paths (searched recursively), a file reached twice (named
 * twice, or through a link) only the first time.
 * @throws UsageError naming the argument: missing, unreadable, not a spec file, an empty folder.
 */
export async function collectSpecFiles(paths: readonly string[], cwd: string): Promise<SpecFile[]> {
  const seen = new Set<string>();
  const files: SpecFile[] = [];
  for (const argument of paths) {
    for (const path of await filesOf(argument, cwd)) {
      const real = await realpath(path);
      if (seen.has(real)) continue;
      seen.add(real);
      files.push({ path, display: displayName(path, cwd) });
    }
  }
  return files;
}
