import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { BOOT_ENTRY, bootScript } from './bootScript';

// base './' so the same build loads from file:// in Electron and from any path the server mounts it on.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), bootScript()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        boot: resolve(import.meta.dirname, BOOT_ENTRY),
      },
      // zod's sources carry comments Rollup cannot place; the warning is about them, not our code.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
