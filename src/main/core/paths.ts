import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` resolves to for Tandem (its `appData` folder plus the
 * `productName` in package.json), computed without Electron so the CLI and the browser host open the same
 * database as the desktop app. tests/shell checks the two agree for each platform's convention.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Tandem');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Tandem');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Tandem');
}

/**
 * The one rule for where Tandem's database lives: `TANDEM_DB`, else `tandem.sqlite` in the user-data folder.
 * The desktop shell passes Electron's own user-data folder; the CLI and the host use `userDataDir`.
 */
export function defaultDatabaseFile(
  env: NodeJS.ProcessEnv = process.env,
  dataDir: string = userDataDir(env),
): string {
  return env.TANDEM_DB ?? join(dataDir, 'tandem.sqlite');
}
