import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../electron/core/datasets';
import type { ImportItem } from '../../../electron/core/datasets/types';
import { processImportItems, thumbPathFor, type ProcessedItem } from '../../../electron/core/media';
import { SHARED_DATA, makeTempDirs, writeJpeg, writeRgbPng } from './helpers';

const tempDir = makeTempDirs('mau-process-');

function item(root: string, relPath: string, extra: Partial<ImportItem> = {}): ImportItem {
  return {
    path: path.join(root, relPath),
    relPath,
    source: 'generated',
    domain: null,
    category: null,
    split: null,
    partId: null,
    verdict: null,
    defectTypes: [],
    annotations: [],
    ...extra,
  };
}

async function run(items: ImportItem[], options: Partial<Parameters<typeof processImportItems>[1]> = {}) {
  const results: ProcessedItem[] = [];
  const thumbDir = options.thumbDir ?? path.join(tempDir(), 'thumbs');
  const summary = await processImportItems(items, {
    thumbDir,
    // One worker unless a test is about parallelism: each worker start loads tsx.
    concurrency: 1,
    onResult: (r) => results.push(r),
    ...options,
  });
  results.sort((a, b) => a.index - b.index);
  return { results, summary, thumbDir };
}

/** A 32x32 part with a 6x4 defect mask at (10, 20), a wrong-sized mask, and bad files. */
async function generatedTree(): Promise<{ root: string; items: ImportItem[] }> {
  const root = tempDir();
  await writeRgbPng(path.join(root, 'part.png'), 32, 32);
  const mask = Buffer.alloc(32 * 32);
  for (let y = 20; y < 24; y++) mask.fill(255, y * 32 + 10, y * 32 + 16);
  await sharp(mask, { raw: { width: 32, height: 32, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toFile(path.join(root, 'part_mask.png'));
  await writeRgbPng(path.join(root, 'small_mask.png'), 16, 16, '#ffffff');
  await writeJpeg(path.join(root, 'good.jpg'), 50, 40);
  fs.copyFileSync(path.join(root, 'good.jpg'), path.join(root, 'renamed.png'));
  const jpeg = fs.readFileSync(path.join(root, 'good.jpg'));
  fs.writeFileSync(path.join(root, 'truncated.jpg'), jpeg.subarray(0, jpeg.length - 30));
  fs.writeFileSync(path.join(root, 'empty.png'), '');
  fs.writeFileSync(path.join(root, 'notes.png'), 'not an image at all');
  const items = [
    item(root, 'part.png', {
      verdict: 'NG',
      defectTypes: ['scratch'],
      annotations: [
        { defectType: 'scratch', maskFile: path.join(root, 'part_mask.png') },
        { defectType: 'scratch', maskFile: path.join(root, 'small_mask.png') },
        { defectType: 'dent', shape: { kind: 'box', x: 30, y: 30, w: 10, h: 10 } },
      ],
    }),
    item(root, 'empty.png'),
    item(root, 'truncated.jpg'),
    item(root, 'notes.png'),
    item(root, 'renamed.png'),
    item(root, 'good.jpg'),
  ];
  return { root, items };
}

describe('processImportItems', () => {
  it('probes, thumbnails and resolves real DeepPCB fixture items in worker threads', async () => {
    const scan = await scanSource(path.join(SHARED_DATA, 'deeppcb'), {
      format: 'deeppcb',
      fixtureOnly: true,
    });
    const items = scan.items.slice(0, 6);
    const { results, summary, thumbDir } = await run(items, { concurrency: 2 });
    expect(summary).toEqual({ processed: 6, failed: 0, cancelled: false });
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const result of results) {
      if (!result.ok) throw new Error(result.error);
      expect(result.meta).toMatchObject({ format: 'jpeg', width: 640, height: 640, bitDepth: 8 });
      expect(result.thumbPath).toBe(thumbPathFor(thumbDir, result.meta.contentHash));
      expect(result.thumbPath).toBe(
        path.join(thumbDir, result.meta.contentHash.slice(0, 2), `${result.meta.contentHash}.jpg`),
      );
      expect(fs.existsSync(result.thumbPath)).toBe(true);
      expect(result.annotations).toEqual(result.item.annotations); // boxes pass through unchanged
      expect(result.warnings).toEqual([]);
    }
    expect(results.some((r) => r.ok && r.annotations.length > 0)).toBe(true);
  });

  it('reports each bad file by reason while the rest is imported', async () => {
    const { items } = await generatedTree();
    const { results, summary } = await run(items);
    expect(summary).toEqual({ processed: 6, failed: 3, cancelled: false });
    const byName = new Map(results.map((r) => [r.item.relPath, r]));

    const part = byName.get('part.png');
    if (!part?.ok) throw new Error('part.png should import');
    expect(part.annotations).toEqual([
      { defectType: 'scratch', shape: { kind: 'mask', x: 10, y: 20, w: 6, h: 4, rle: [0, 24] } },
    ]);
    expect(part.warnings).toEqual([
      { file: 'small_mask.png', reason: 'mask is 16x16, the image is 32x32' },
      { file: 'part.png', reason: 'region 3 reaches outside the 32x32 image (point 2 at 40, 40)' },
    ]);

    expect(byName.get('empty.png')).toMatchObject({ ok: false, error: 'empty file (0 bytes)' });
    expect(byName.get('truncated.jpg')).toMatchObject({
      ok: false,
      error: expect.stringContaining('truncated JPEG'),
    });
    expect(byName.get('notes.png')).toMatchObject({ ok: false, error: expect.stringContaining('not a PNG') });
    const renamed = byName.get('renamed.png');
    expect(renamed).toMatchObject({ ok: true, meta: { format: 'jpeg' } });
    expect(renamed?.ok && renamed.warnings[0]?.reason).toContain(
      'the extension says PNG but the file is a JPEG',
    );
    expect(byName.get('good.jpg')).toMatchObject({ ok: true, warnings: [] });
  });

  it('reuses an existing thumbnail instead of writing it again', async () => {
    const { items } = await generatedTree();
    const good = items.filter((i) => i.relPath === 'good.jpg');
    const first = await run(good);
    const thumb = first.results[0]?.ok ? first.results[0].thumbPath : '';
    const before = fs.statSync(thumb).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await run(good, { thumbDir: first.thumbDir });
    expect(fs.statSync(thumb).mtimeMs).toBe(before);
  });

  it('survives a worker that crashes on one item', async () => {
    const { root, items } = await generatedTree();
    await writeRgbPng(path.join(root, 'crash.png'), 8, 8);
    const list = [
      item(root, 'crash.png'),
      ...items.filter((i) => ['good.jpg', 'part.png', 'renamed.png'].includes(i.relPath)),
    ];
    const { results, summary } = await run(list, {
      workerEntry: new URL('./fixtures/crashing-import-worker.ts', import.meta.url),
      concurrency: 2,
    });
    expect(summary).toEqual({ processed: 4, failed: 1, cancelled: false });
    expect(results[0]).toMatchObject({ ok: false, error: 'worker crashed: decoder crashed' });
    expect(results.slice(1).every((r) => r.ok)).toBe(true);
  });

  it('stops when cancelled and says so', async () => {
    const { items } = await generatedTree();
    const many = Array.from({ length: 30 }, () => items[5] as ImportItem);
    const controller = new AbortController();
    const { summary } = await run(many, {
      signal: controller.signal,
      concurrency: 1,
      onResult: () => controller.abort(),
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.processed).toBeLessThan(30);
  });
});
