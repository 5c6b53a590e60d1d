import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../electron/core/datasets';
import { processImportItems, type ProcessedItem } from '../../../electron/core/media';
import { makeTempDirs, writeImage, writeMask } from './helpers';

const tempDir = makeTempDirs('mau-mvtec-');

/** Two categories; bottle has one defect image with a mask and one whose mask is missing. */
async function mvtecTree(): Promise<string> {
  const root = tempDir();
  for (const name of [
    'bottle/train/good/000.png',
    'bottle/test/good/000.png',
    'bottle/test/broken_large/000.png',
  ]) {
    await writeImage(root, name, 32, 32);
  }
  await writeImage(root, 'bottle/test/broken_large/001.PNG', 32, 32);
  await writeMask(path.join(root, 'bottle/ground_truth/broken_large/000_mask.png'), 32, 32, [4, 5, 3, 2]);
  await writeImage(root, 'screw/train/good/000.png', 16, 16);
  return root;
}

describe('MVTec AD layout', () => {
  it('reads a dataset root with several categories', async () => {
    const root = await mvtecTree();
    const scan = await scanSource(root, { format: 'auto' });
    expect(scan.format).toBe('mvtec');
    expect(scan.items.map((i) => [i.relPath, i.category, i.split, i.verdict, i.defectTypes])).toEqual([
      ['bottle/train/good/000.png', 'bottle', 'train', 'OK', []],
      ['bottle/test/broken_large/000.png', 'bottle', 'test', 'NG', ['broken_large']],
      ['bottle/test/broken_large/001.PNG', 'bottle', 'test', 'NG', ['broken_large']],
      ['bottle/test/good/000.png', 'bottle', 'test', 'OK', []],
      ['screw/train/good/000.png', 'screw', 'train', 'OK', []],
    ]);
    expect(scan.items[1]?.annotations).toEqual([
      {
        defectType: 'broken_large',
        maskFile: path.join(root, 'bottle/ground_truth/broken_large/000_mask.png'),
      },
    ]);
    expect(scan.items[2]?.annotations).toEqual([]);
    expect(scan.problems).toEqual([
      {
        file: 'bottle/test/broken_large/001.PNG',
        reason:
          'no ground-truth mask (expected bottle/ground_truth/broken_large/001_mask.png); imported without regions',
      },
    ]);
  });

  it('reads one category folder on its own', async () => {
    const root = await mvtecTree();
    const scan = await scanSource(path.join(root, 'screw'), { format: 'mvtec' });
    expect(scan.items.map((i) => [i.relPath, i.category, i.verdict])).toEqual([
      ['train/good/000.png', 'screw', 'OK'],
    ]);
  });

  it('decodes the ground-truth mask into a cropped mask region during processing', async () => {
    const root = await mvtecTree();
    const scan = await scanSource(path.join(root, 'bottle'), { format: 'mvtec' });
    const results: ProcessedItem[] = [];
    await processImportItems(
      scan.items.filter((i) => i.relPath === 'test/broken_large/000.png'),
      {
        thumbDir: path.join(tempDir(), 'thumbs'),
        onResult: (r) => results.push(r),
      },
    );
    expect(results[0]).toMatchObject({
      ok: true,
      annotations: [
        { defectType: 'broken_large', shape: { kind: 'mask', x: 4, y: 5, w: 3, h: 2, rle: [0, 6] } },
      ],
    });
  });

  it('says so when the folder has no category', async () => {
    const scan = await scanSource(tempDir(), { format: 'mvtec' });
    expect(scan.items).toEqual([]);
    expect(scan.problems[0]?.reason).toContain('no MVTec category found');
  });
});
