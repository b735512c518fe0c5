/**
 * Window hardening, after Actual Budget's security.ts: no navigation away from the app, no new
 * windows (http(s) links open in the system browser), no webviews, no permission grants.
 */
import { app, session, shell } from 'electron';

export function hardenApp(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
