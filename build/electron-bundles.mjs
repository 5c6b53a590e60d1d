// The esbuild settings of the Electron bundles, shared by bundle-electron.mjs and the test that
// runs a bundled core under plain Node.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Native modules stay in node_modules (unpacked from app.asar by electron-builder). */
export const nativeExternals = ['electron', 'better-sqlite3', 'sharp', 'onnxruntime-node'];

/** Main process and worker threads: CommonJS for Node. */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: nativeExternals,
  logLevel: 'warning',
  // The core finds its workers and files relative to import.meta.url, which CommonJS lacks.
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
};

/** The sandboxed preload can require only `electron`. */
export const preloadBundle = {
  bundle: true,
  // 'browser': a Node built-in pulled into the preload fails the build instead of the window.
  platform: 'browser',
  format: 'cjs',
  target: 'chrome130',
  // The contract's zod schemas come along; minified, the sandbox parses them faster.
  minify: true,
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
};

/** Every electron/core/**\/*-worker.ts: the core starts them as siblings of the main bundle. */
export function workerEntries(dir = join(repoRoot, 'electron', 'core')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return workerEntries(path);
    return entry.name.endsWith('-worker.ts') ? [path] : [];
  });
}

export function workerOutName(entry) {
  return `${basename(entry, '.ts')}.cjs`;
}
