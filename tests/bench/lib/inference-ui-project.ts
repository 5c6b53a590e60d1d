import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { benchCore } from './bench-core';
import { scratchDir } from './scratch';

/**
 * A project of `count` real images (copies, so the project's folder import sees plain files) and
 * the model pack at `packDir` registered in it; returns the closed project's folder and pack id.
 */
export async function inferenceProject(
  images: readonly string[],
  packDir: string,
  log: (m: string) => void,
): Promise<{ dir: string; packId: string }> {
  const source = scratchDir('inference-ui-images');
  mkdirSync(source, { recursive: true });
  images.forEach((path, i) =>
    copyFileSync(path, join(source, `${String(i).padStart(4, '0')}-${basename(path)}`)),
  );
  const bench = benchCore();
  try {
    const dir = join(scratchDir('inference-ui-project'), 'project');
    await bench.call('project:create', { dir, name: 'bench inference ui' });
    const started = performance.now();
    const { jobId } = await bench.call('import:start', { source, format: 'folder' });
    await bench.waitForJob(jobId);
    log(`imported ${images.length} images in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const pack = await bench.call('models:add', { dir: packDir });
    return { dir, packId: pack.packId };
  } finally {
    await bench.core.close();
  }
}
