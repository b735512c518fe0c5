/**
 * Window hardening, after Actual Budget's security.ts: no navigation away from the app, no new
 * windows and nothing opened in the system browser, no webviews, no permission grants. The
 * decisions themselves are in security-policy.ts.
 */
import { app, session } from 'electron';
import { newWindowDecision, permissionGranted } from '../main/platform';

export function hardenApp(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => newWindowDecision(url));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionGranted(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionGranted(permission));
}
