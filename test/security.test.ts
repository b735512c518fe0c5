/**
 * Electron's security checklist, item by item, where it can run without Electron: the policy
 * decisions security.ts and the IPC binding apply, the window's web preferences, and the CSP.
 * The same items run against the real app in e2e/electron/security.electron.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUrlMatcher, cspOf, isTrustedSender, newWindowDecision, permissionGranted, WINDOW_WEB_PREFERENCES } from '../src/main/platform/security-policy';
import { REPO_ROOT } from './helpers';

const PAGE = 'file:///opt/persona-studio/out/renderer/index.html';
const isAppUrl = appUrlMatcher(PAGE);

/** The policy's directives as a map, e.g. script-src → ["'self'"]. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

/** Every .ts and .tsx file below `dir`. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('Electron security checklist', () => {
  it('windows run sandboxed with context isolation and no Node integration; web security on; webviews, insecure content and experimental features off', () => {
    expect(WINDOW_WEB_PREFERENCES).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false });
  });

  for (const [where, file] of [
    ['source', path.join(REPO_ROOT, 'src', 'renderer', 'index.html')],
    ['build', path.join(REPO_ROOT, 'out', 'renderer', 'index.html')],
  ] as const) {
    it(`the ${where} page declares a strict Content-Security-Policy`, () => {
      const csp = cspOf(fs.readFileSync(file, 'utf8'));
      expect(csp).not.toBeNull();
      const d = directives(csp!);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('form-action')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(d.get('connect-src')).toEqual(["'self'"]);
      // No inline style: a style injected by a page script (as an XSS would) is refused too.
      expect(d.get('style-src')).toEqual(["'self'"]);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-hashes|\*|https?:|data:.*script/);
    });
  }

  it('navigation, redirects and IPC senders: only the app page itself counts as the app', () => {
    expect(isAppUrl(PAGE)).toBe(true);
    expect(isAppUrl(`${PAGE}#/history`)).toBe(true);
    expect(isAppUrl(`${PAGE}?token=x`)).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'file:///opt/persona-studio/out/renderer/other.html', `${PAGE}.evil.html`, 'javascript:alert(1)', 'data:text/html,<p>x</p>']) {
      expect(isAppUrl(url), url).toBe(false);
    }
    const dev = appUrlMatcher(PAGE, 'http://localhost:5173/');
    expect(dev('http://localhost:5173/#/dashboard')).toBe(true);
    for (const url of ['http://localhost:5174/', 'http://localhost:5173.evil.example/', 'http://evil.example/?http://localhost:5173/', PAGE]) expect(dev(url), url).toBe(false);
  });

  it('new windows are always denied, and no code hands a URL to the system browser', () => {
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)', 'not a url', 'ms-msdt:/id']) {
      expect(newWindowDecision(url), url).toEqual({ action: 'deny' });
    }
    const callers = sourceFiles(path.join(REPO_ROOT, 'src')).filter((file) => /\bopenExternal\s*\(/.test(fs.readFileSync(file, 'utf8')));
    expect(callers).toEqual([]);
  });

  it('permission requests are denied', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) expect(permissionGranted(permission)).toBe(false);
  });

  it('IPC senders are checked: own window, top frame, app page', () => {
    const ok = { frameUrl: PAGE, isMainFrame: true, ownWindow: true };
    expect(isTrustedSender(ok, isAppUrl)).toBe(true);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, isAppUrl)).toBe(false);
    expect(isTrustedSender({ ...ok, ownWindow: false }, isAppUrl)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://example.com/' }, isAppUrl)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, isAppUrl)).toBe(false);
  });
});
