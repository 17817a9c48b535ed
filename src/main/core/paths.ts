import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` resolves to for an app named Tandem, computed without
 * Electron so the CLI and the browser host open the same database as the desktop app.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tandem');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tandem');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Tandem');
}

/** `TANDEM_DB` overrides the default database, which lives in the user-data folder. */
export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.TANDEM_DB ?? join(userDataDir(env), 'tandem.sqlite');
}
