/**
 * The app's security decisions as plain functions, free of Electron so that tests run them here;
 * security.ts and the IPC binding apply them to Electron's events (after Electron's security
 * checklist and Actual Budget's security.ts). Every decision defaults to no.
 */

/** The main window's web preferences: no Node in the page, isolated preload, sandboxed renderer. */
export const WINDOW_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
} as const;

/**
 * Whether a URL is the app's own page: the built index.html (any hash or query: the routes), or,
 * in development, anything on the dev server's origin. Navigation, redirects and IPC senders are
 * judged by it.
 */
export function appUrlMatcher(pageUrl: string, devServerUrl?: string): (url: string) => boolean {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return (url) => url.startsWith(`${origin}/`);
  }
  return (url) => url.split(/[?#]/)[0] === pageUrl;
}

/**
 * New windows are always denied, and nothing is handed to the system browser (shell.openExternal):
 * no link in the app leaves it, so a page that asks to open one is not the app's own doing.
 */
export function newWindowDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** No permission (camera, microphone, notifications, geolocation, ...) is ever granted. */
export function permissionGranted(_permission: string): boolean {
  return false;
}

export interface IpcSender {
  /** The frame's URL; null when the frame is gone. */
  frameUrl: string | null;
  /** The frame is its page's top frame (not an iframe). */
  isMainFrame: boolean;
  /** The frame belongs to one of the app's own windows. */
  ownWindow: boolean;
}

/** IPC is answered only for the app's own page, in its top frame, in one of its windows (VS Code's rule). */
export function isTrustedSender(sender: IpcSender, isAppUrl: (url: string) => boolean): boolean {
  return sender.frameUrl !== null && sender.isMainFrame && sender.ownWindow && isAppUrl(sender.frameUrl);
}

/** The Content-Security-Policy in the renderer's index.html (one source: browser mode sends the same as a header). */
export function cspOf(html: string): string | null {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  return meta ? meta[1]!.replace(/\s+/g, ' ').trim() : null;
}
