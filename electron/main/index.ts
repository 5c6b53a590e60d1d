import { app, ipcMain, protocol, session } from 'electron';
import { createCore } from '../core/app';
import { appPaths, devServerUrlFrom } from './app-paths';
import { hardenSession } from './harden-session';
import { manageLifecycle, sendToAllWindows } from './lifecycle';
import { createMainWindow } from './main-window';
import { mediaSchemePrivileges, registerMediaProtocol } from './media-protocol';
import { registerContract } from './register-contract';
import { createSenderCheck } from './sender-check';

protocol.registerSchemesAsPrivileged([mediaSchemePrivileges]);

// One instance per user: two would write the same project database.
if (!app.requestSingleInstanceLock()) app.quit();
else {
  void app.whenReady().then(() => {
    const paths = appPaths(app.getAppPath(), devServerUrlFrom(process.env, app.isPackaged));
    const core = createCore({ transport: 'electron', version: app.getVersion(), modelsDir: paths.modelsDir });
    hardenSession(session.defaultSession, paths.devServerUrl);
    registerMediaProtocol(protocol, core);
    const isOwnPage = createSenderCheck(paths);
    registerContract({ ipc: ipcMain, core, isTrustedSender: isOwnPage, broadcast: sendToAllWindows });
    manageLifecycle(core, () => createMainWindow(paths, isOwnPage));
    createMainWindow(paths, isOwnPage);
  });
}
