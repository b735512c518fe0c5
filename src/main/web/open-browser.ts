/** Opens a URL in the user's default browser, where there is one to open (a display, a launcher). */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const onPath = (command: string): boolean =>
  (process.env['PATH'] ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, command)));

/** The launcher command for this system, or null where no browser can be shown (a server, a container, SSH). */
function launcher(url: string): [string, string[]] | null {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  // Without a display xdg-open would fall back to a text browser in this terminal.
  if (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return null;
  return onPath('xdg-open') ? ['xdg-open', [url]] : null;
}

/** Whether a browser was asked to open the URL. */
export function openInBrowser(url: string): boolean {
  const command = launcher(url);
  if (!command) return false;
  const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
