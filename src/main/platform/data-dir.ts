/** Where the user's data lives when nobody says otherwise: the same folder Electron calls userData. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'persona-studio';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/**
 * The data folder readable by this user only: the folder (and backups/) 0700, every file in them
 * 0600, whatever the umask made them or an older version left. Called at each start, so a folder
 * copied or created world-readable is tightened. Windows has no such modes (its ACLs already keep
 * a profile's folder private): skipped there. A file another user owns cannot be changed: warned.
 */
export function tightenDataFolder(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const folder of [dataDir, path.join(dataDir, 'backups')]) {
    if (!fs.existsSync(folder)) continue;
    chmodQuietly(folder, 0o700);
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) if (entry.isFile()) chmodQuietly(path.join(folder, entry.name), 0o600);
  }
}

/**
 * Takes away what `mode` does not allow (group and others' bits), with chmod, which no umask
 * touches; bits the owner removed on purpose (a read-only file) stay removed. Off Windows only.
 */
export function chmodQuietly(file: string, mode: number, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  try {
    const current = fs.statSync(file).mode & 0o777;
    if ((current & mode) !== current) fs.chmodSync(file, current & mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Gone meanwhile (a WAL folded in at close) is fine; anything else is said, never fatal.
    if (code !== 'ENOENT') console.warn(`[data] ${file} could not be made private to this user (${code ?? String(error)}); change its permissions to ${mode.toString(8)} by hand.`);
  }
}
