import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSampleId } from '../../../electron/contract';
import { Manifest } from '../../../electron/core/exchange/mauset';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';
import { runCli } from '../transports/run-cli';

const IMAGES = ['scratches_170.jpg', 'inclusion_194.jpg', 'patches_1.jpg'];

describe('mau-studio export --format mauset|mmad', () => {
  const tmp = tempDir('mauset-cli');
  const env = { MAU_STUDIO_SETTINGS_DIR: join(tmp, 'settings') };
  const project = join(tmp, 'project');
  const images = join(tmp, 'images');

  beforeAll(async () => {
    mkdirSync(images);
    for (const name of IMAGES) copyFileSync(join(sharedData, 'neu-det', 'IMAGES', name), join(images, name));
    const imported = await runCli(['import', project, images, '--format', 'folder'], env);
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);

  it('refuses a project without any label, and writes nothing', async () => {
    const out = join(tmp, 'nothing');
    const run = await runCli(['export', project, '--format', 'mauset', '--out', out], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/none of the 3 selected images has a label .*nothing was written/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('exports reviewed images only when asked, and lists the image whose file moved', async () => {
    const { core, call } = testCore();
    await call('project:open', { dir: project });
    const { ids } = await call('samples:ids', {});
    const byName = new Map<string, number>();
    for (const id of ids) byName.set((await call('samples:get', { id })).fileName, id);
    const apply = async (name: string, command: unknown) => {
      const sampleId = asSampleId(byName.get(name)!);
      const { revision } = await call('labels:get', { sampleId });
      await call('labels:apply', {
        sampleId,
        baseRevision: revision,
        author: 'qa-1',
        command: command as never,
      });
    };
    await apply('scratches_170.jpg', {
      type: 'addRegion',
      defectType: 'scratches',
      shape: { kind: 'box', x: 20, y: 30, w: 80, h: 8 },
    });
    await apply('scratches_170.jpg', { type: 'setVerdict', verdict: 'NG' });
    await apply('inclusion_194.jpg', { type: 'setVerdict', verdict: 'OK' });
    await call('project:close', {});
    core.close();
    rmSync(join(images, 'inclusion_194.jpg')); // moved away after review

    const out = join(tmp, 'reviewed');
    const run = await runCli(['export', project, '--format', 'mauset', '--out', out, '--reviewed-only'], env);
    expect(run.code, run.stderr).toBe(2);
    const manifest = Manifest.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.counts.samples).toBe(1);
    expect(manifest.counts.skipped).toBe(1);
    expect(manifest.skipped).toHaveLength(1);
    expect(manifest.skipped[0]!.file).toContain('inclusion_194.jpg');
    expect(manifest.skipped[0]!.reason).toMatch(/missing/);
    expect(manifest.options.reviewed_only).toBe(true);
    expect(readFileSync(join(out, 'DATASET_CARD.md'), 'utf8')).toMatch(
      /1 images with 1 regions; 1 images skipped/,
    );

    const mmad = join(tmp, 'mmad');
    const all = await runCli(['export', project, '--format', 'mmad', '--out', mmad], env);
    expect(all.code, all.stderr).toBe(2);
    expect(all.stdout).toMatch(/no verdict and no regions/); // patches_1.jpg: nobody labelled it
    expect(JSON.parse(readFileSync(join(mmad, 'mmad.json'), 'utf8'))).toHaveLength(1);
  }, 60_000);
});
