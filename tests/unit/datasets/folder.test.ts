import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, scanSource } from '../../../electron/core/datasets';
import { makeTempDirs, writeFiles, writeImage } from './helpers';

const tempDir = makeTempDirs('mau-folder-');

describe('plain folders', () => {
  it('finds PNG, JPEG, BMP and TIFF in any case, skipping hidden folders and a project cache', async () => {
    const root = tempDir();
    await writeImage(root, 'a.PNG');
    await writeImage(root, 'line1/b.jpeg');
    await writeImage(root, 'line1/deep/c.JPG');
    writeFiles(root, {
      'line2/d.bmp': 'BM…',
      'line2/e.TIF': 'II*\0',
      'line2/notes.txt': 'x',
      '.hidden/f.png': 'x',
      '.g.png': 'x',
      'project/project.sqlite': '',
      'project/cache/thumbs/ab/ab12.jpg': 'x',
      'other/cache/h.png': 'x', // only a project's own cache is skipped
    });
    const scan = await scanSource(root, { format: 'auto' });
    expect(scan.format).toBe('folder');
    expect(scan.sourceName).toBe(path.basename(root));
    expect(scan.items.map((i) => i.relPath)).toEqual([
      'a.PNG',
      'line1/b.jpeg',
      'line1/deep/c.JPG',
      'line2/d.bmp',
      'line2/e.TIF',
      'other/cache/h.png',
    ]);
    expect(
      scan.items.every((i) => i.verdict === null && i.split === null && i.annotations.length === 0),
    ).toBe(true);
  });

  it('follows a symbolic link to a folder once, without looping', async () => {
    const root = tempDir();
    await writeImage(root, 'real/a.png');
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
    fs.symlinkSync(root, path.join(root, 'real', 'loop'));
    const scan = await scanSource(root, { format: 'folder' });
    expect(scan.items).toHaveLength(1);
  });
});

describe('format detection', () => {
  it.each([
    [{ 'manifest.csv': '', 'label/x.json': '{}' }, 'bsdata'],
    [{ 'PCBData/x.txt': '' }, 'deeppcb'],
    [{ 'ANNOTATIONS/x.xml': '<annotation/>' }, 'voc'],
    [{ 'x.xml': '<annotation/>', 'x.jpg': '' }, 'voc'],
    [{ 'ground_truth/crack/000_mask.png': '' }, 'mvtec'],
    [{ 'train/good/000.png': '' }, 'mvtec'],
    [{ 'carpet/train/good/000.png': '' }, 'mvtec'],
    [{ 'json/a.json': '{"shapes": []}' }, 'labelme'],
    [{ 'a.json': '{"config": 1}', 'a.png': '' }, 'folder'],
  ])('%j → %s', async (files, format) => {
    const root = tempDir();
    writeFiles(root, files as Record<string, string>);
    expect((await detectFormat(root)).format).toBe(format);
  });
});
