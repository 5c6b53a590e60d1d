import { app, BrowserWindow } from 'electron';
import type { Core } from '../core/core-types';
import type { BridgeEvent } from '../preload/bridge-types';
import { EVENT_CHANNEL } from '../preload/channels';

export function sendToAllWindows(message: BridgeEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, message);
  }
}

/**
 * Quit when the last window closes (except on macOS), reopen on dock click, focus the running
 * app when it is started twice, and let the core finish its jobs and close the database first.
 */
export function manageLifecycle(core: Core, openWindow: () => BrowserWindow): void {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core
      .close()
      .catch((error: unknown) => console.error('closing the core failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
