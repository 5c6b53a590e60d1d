import type { Session } from 'electron';
import { electronCsp } from './electron-csp';

/**
 * The window's session grants nothing: no camera, notifications or other permissions, and every
 * response carries the CSP (file:// pages have no headers, so the renderer's index.html repeats it
 * in a meta tag).
 */
export function hardenSession(session: Session, devServerUrl: string | null): void {
  const csp = electronCsp(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [csp],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
