import type { Plugin } from 'vite';

export const BOOT_ENTRY = 'src/boot/boot.ts';

/**
 * Puts the boot script (see src/boot/boot.ts) in a file of its own ahead of the app's: Vite joins
 * every module script of index.html into one chunk, and the boot script's point is to run before
 * the big one has loaded. It is a second Rollup input; this adds its tag to the page.
 */
export function bootScript(): Plugin {
  return {
    name: 'mau-boot-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'boot',
        );
        // The dev server serves the sources themselves.
        const src = chunk ? `./${chunk.fileName}` : `/${BOOT_ENTRY}`;
        return [
          { tag: 'script', attrs: { type: 'module', crossorigin: true, src }, injectTo: 'head-prepend' },
        ];
      },
    },
  };
}
