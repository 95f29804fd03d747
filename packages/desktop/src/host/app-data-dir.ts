import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Sentinel's per-user data directory, where Electron's `app.getPath('userData')` would put it:
 * Linux `$XDG_CONFIG_HOME/Sentinel` (~/.config/Sentinel), macOS ~/Library/Application Support/Sentinel,
 * Windows %APPDATA%\Sentinel. `SENTINEL_DATA_DIR` overrides it.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SENTINEL_DATA_DIR) return env.SENTINEL_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Sentinel');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Sentinel');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Sentinel');
}
