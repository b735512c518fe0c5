/** `npm start` where Electron cannot run (no binary or no display): browser mode, answering at the address it prints. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers';

describe('npm start without Electron', () => {
  it('says why in one line, starts browser mode and serves the Workshop at the printed address', async () => {
    const data = tempDir();
    // No display: whatever this machine has, Electron cannot show a window, so the browser-mode path runs.
    const child = spawn('npm', ['start', '--', '--data', data, '--port', '0'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed in 60 s:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const found = /Persona Studio ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
      });
      expect(output).toMatch(/^Electron cannot run here: .+\. Starting Persona Studio in browser mode instead\.$/m);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
      const token = new URL(url).searchParams.get('token')!;
      const info = await fetch(new URL('/api/invoke/app:info', url), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(info.status).toBe(200);
    } finally {
      // npm, tsx and the server are one process group.
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 90_000);
});
