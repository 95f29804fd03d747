import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { nonEmptyString } from '../options/checks.js';

/** Where the pid file lives, and where to go when that place is not private to this user. */
export interface RuntimeDirSetting {
  readonly dir: string;
  /** Only for the default directory: an explicit one is never replaced. */
  readonly fallback: string | undefined;
}

/** `$XDG_RUNTIME_DIR/sentinel-supervisor`, else `<os.tmpdir()>/sentinel-supervisor-<uid>`. */
export function defaultRuntimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_RUNTIME_DIR'];
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'sentinel-supervisor');
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : (env['USERNAME'] ?? 'user');
  return join(tmpdir(), `sentinel-supervisor-${uid}`);
}

/** A directory only this user can create: `$XDG_STATE_HOME/sentinel-supervisor`, else `~/.local/state/sentinel-supervisor`. */
export function fallbackRuntimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const state = env['XDG_STATE_HOME'];
  return join(state !== undefined && isAbsolute(state) ? state : join(homedir(), '.local', 'state'), 'sentinel-supervisor');
}

/** Validates `runtimeDir` (false: no pid file, no orphan reaping). */
export function parseRuntimeDir(value: unknown): RuntimeDirSetting | false {
  if (value === false) return false;
  if (value !== undefined) return { dir: nonEmptyString('runtimeDir', value), fallback: undefined };
  return { dir: defaultRuntimeDir(), fallback: fallbackRuntimeDir() };
}
