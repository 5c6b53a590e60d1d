import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../electron/core/inference/pack/hash';
import { MAX_STORED_MAP_SIDE } from '../../../electron/core/mau-gpt/map-shrink';
import { tempDir } from '../../helpers/paths';
import { inferenceCore, waitForJob, type TestCore } from '../inference-jobs/helpers';
import { copyOfTiny, editManifest, PITTING, TINY_REFERENCE } from './helpers';

/** BSData pitting fixture: 1130×460, so 21 × 9 tiles of 64 px at overlap 8 in the tiny pack. */
const WIDTH = 1130;
const HEIGHT = 460;

async function heatmapsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.png')).map((e) => join(e.parentPath, e.name));
}

describe('an inference job with a tiles-mode MAU-GPT pack', () => {
  let t: TestCore;
  let projectDir: string;
  let packDir: string;

  beforeAll(async () => {
    t = inferenceCore();
    packDir = await copyOfTiny();
    await editManifest(packDir, (m) => {
      // its own name, so the registry cannot confuse it with the shipped resize-mode tiny pack
      (m as unknown as { name: string }).name = 'mau-gpt-tiny-tiles';
      m.options.vision!.tiling = { mode: 'tiles', overlap: 8 };
    });
    const images = join(tempDir('mau-gpt-tiles-images'), 'bsdata');
    await mkdir(images, { recursive: true });
    await copyFile(PITTING, join(images, basename(PITTING)));
    projectDir = join(tempDir('project'), 'pits');
    await t.call('project:create', { dir: projectDir, name: 'Pits' });
    const { jobId } = await t.call('import:start', { source: images, format: 'folder' });
    expect((await waitForJob(t.call, jobId)).state).toBe('done');
  }, 60_000);
  afterAll(() => t?.core.close());

  it('maps the BSData part tile by tile and stores a heat map of the part’s aspect ratio', async () => {
    const pack = await t.call('models:add', { dir: packDir });
    const { jobId } = await t.call('inference:start', {
      packId: pack.packId,
      providers: ['cpu'],
      threads: 1,
    });
    const job = await waitForJob(t.call, jobId);
    expect(job).toMatchObject({ state: 'done', done: 1, failed: 0 });

    const [sampleId] = (await t.call('samples:ids', {})).ids;
    const detail = (await t.call('predictions:get', { sampleId: sampleId! }))!;
    expect(detail.heatmap).toBe(true);
    // the score is the highest tile score the recipe computes for this image (tile_reference.py)
    const reference = JSON.parse(await readFile(join(TINY_REFERENCE, 'tiles.json'), 'utf8')) as {
      sources: { checkpoint: string };
      cases: { image: string; score: number }[];
    };
    if ((await sha256File(join(packDir, 'checkpoint.pt'))) !== reference.sources.checkpoint)
      throw new Error(`${TINY_REFERENCE}/tiles.json is stale; rerun models/recipe/tile_reference.py`);
    const expected = reference.cases.find((c) => c.image.endsWith(basename(PITTING)))!.score;
    expect(detail.score).toBeCloseTo(expected, 5);
    // regions are traced on the full-resolution map, so they land in source pixels of the part
    expect(detail.regions.length).toBeGreaterThan(0);
    for (const { shape: s } of detail.regions) {
      const corners =
        s.kind === 'polygon' ? s.points : [[s.x, s.y] as const, [s.x + s.w, s.y + s.h] as const];
      for (const [x, y] of corners) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(WIDTH);
        expect(y).toBeLessThanOrEqual(HEIGHT);
      }
    }

    const [heatmap, ...others] = await heatmapsUnder(join(projectDir, 'cache'));
    expect(others).toEqual([]);
    const { width, height } = await sharp(heatmap!).metadata();
    // 1130 px wide: stored shrunk to the 1024 px cap, keeping the 1130:460 proportions
    expect(width).toBe(MAX_STORED_MAP_SIDE);
    expect(height).toBe(Math.round((HEIGHT * MAX_STORED_MAP_SIDE) / WIDTH));
    expect(Math.abs(width! / height! - WIDTH / HEIGHT)).toBeLessThan(0.01);
  }, 90_000);
});
