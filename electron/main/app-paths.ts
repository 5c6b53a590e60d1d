import { join } from 'node:path';
import type { TrustedRenderer } from './sender-check';

export type AppPaths = TrustedRenderer & { preload: string; rendererEntry: string; modelsDir: string };

/**
 * The dev server is honoured only in an unpackaged app and only on loopback: a shipped app
 * must never load its UI, and so its bridge, from the network.
 */
export function devServerUrlFrom(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const raw = env.MAU_STUDIO_DEV_URL;
  if (isPackaged || !raw) return null;
  const url = new URL(raw);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'http:' || !loopback)
    throw new Error(`MAU_STUDIO_DEV_URL must be http on loopback, got ${raw}`);
  return url.href;
}

/** appPath is the folder (or app.asar) holding package.json, dist/renderer and dist-electron. */
export function appPaths(appPath: string, devServerUrl: string | null): AppPaths {
  const rendererDir = join(appPath, 'dist', 'renderer');
  return {
    rendererDir,
    devServerUrl,
    preload: join(appPath, 'dist-electron', 'preload.cjs'),
    rendererEntry: join(rendererDir, 'index.html'),
    // model packs are unpacked from the asar (onnxruntime reads them with its own file I/O)
    modelsDir: join(appPath.replace(/app\.asar$/, 'app.asar.unpacked'), 'models'),
  };
}
