import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../electron/core/datasets';
import { maskPixels } from '../../../electron/core/geometry/rle';
import type { MaskShape } from '../../../electron/contract';
import { makeTempDirs, writeFiles, writeImage } from './helpers';

const tempDir = makeTempDirs('mau-labelme-');

const labelme = (imagePath: string | null, shapes: unknown[], size = { imageWidth: 40, imageHeight: 30 }) =>
  JSON.stringify({ version: '5.4.1', flags: {}, shapes, imagePath, imageData: null, ...size });
const shape = (label: string, shape_type: string, points: number[][], extra = {}) => ({
  label,
  points,
  group_id: null,
  shape_type,
  flags: {},
  ...extra,
});

async function maskBase64(width: number, height: number, on: Array<[number, number]>): Promise<string> {
  const pixels = Buffer.alloc(width * height);
  for (const [x, y] of on) pixels[y * width + x] = 255;
  const png = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
  return png.toString('base64');
}

async function labelmeTree(): Promise<string> {
  const root = tempDir();
  for (const name of ['img/a.png', 'img/b.png', 'img/c.png', 'd.jpg']) await writeImage(root, name);
  const mask = await maskBase64(4, 3, [
    [1, 0],
    [2, 0],
    [1, 1],
  ]);
  writeFiles(root, {
    'label/a.json': labelme('../img/a.png', [
      shape('Scratch', 'polygon', [
        [1, 1],
        [10, 1],
        [10, 8],
      ]),
      shape('dent', 'rectangle', [
        [12, 20],
        [5, 10],
      ]),
      shape('dent', 'circle', [
        [20, 15],
        [23, 15],
      ]),
      shape(
        'stain',
        'mask',
        [
          [30, 20],
          [33, 22],
        ],
        { mask },
      ),
      shape('Scratch', 'polygon', [
        [1, 1],
        [2, 2],
      ]),
      shape('Scratch', 'polygon', [
        [1, 1],
        [50, 1],
        [50, 8],
      ]),
      shape('Scratch', 'polygon', [
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
      shape('note', 'point', [[3, 3]]),
    ]),
    'label/b.json': labelme('../img/b.png', []),
    'label/broken.json': '{ "shapes": [ ',
    'label/other.json': JSON.stringify({ settings: true }),
    'd.json': labelme(null, [
      shape('pit', 'polygon', [
        [0, 0],
        [40, 0],
        [40, 30],
      ]),
    ]),
    'label/lost.json': labelme('../img/missing.png', []),
  });
  return root;
}

describe('LabelMe folders', () => {
  it('is detected by JSON files with "shapes"', async () => {
    const scan = await scanSource(await labelmeTree(), { format: 'auto' });
    expect(scan.format).toBe('labelme');
  });

  it('imports good shapes, reports bad ones by file and shape number, and keeps every image', async () => {
    const root = await labelmeTree();
    const scan = await scanSource(root, { format: 'labelme' });
    expect(scan.items.map((i) => [i.relPath, i.verdict])).toEqual([
      ['d.jpg', 'NG'],
      ['img/a.png', 'NG'],
      ['img/b.png', 'OK'], // annotated, nothing found
      ['img/c.png', null], // never annotated
    ]);
    const a = scan.items[1];
    expect(a?.defectTypes).toEqual(['Scratch', 'dent', 'stain', 'note']);
    const shapes = a?.annotations.map((x) => ('shape' in x ? x.shape : null)) ?? [];
    expect(shapes).toHaveLength(4);
    expect(shapes[0]).toEqual({
      kind: 'polygon',
      points: [
        [1, 1],
        [10, 1],
        [10, 8],
      ],
    });
    expect(shapes[1]).toEqual({ kind: 'box', x: 5, y: 10, w: 7, h: 10 });
    expect(shapes[2]?.kind).toBe('polygon');
    const circle = shapes[2] as { points: Array<[number, number]> };
    expect(circle.points.length).toBeGreaterThanOrEqual(8);
    for (const [x, y] of circle.points) expect(Math.hypot(x - 20, y - 15)).toBeCloseTo(3, 2);
    const mask = shapes[3] as MaskShape;
    expect(mask).toMatchObject({ kind: 'mask', x: 31, y: 20, w: 2, h: 2 });
    expect(Array.from(maskPixels(mask))).toEqual([1, 1, 1, 0]);

    expect(scan.problems).toEqual(
      expect.arrayContaining([
        { file: 'label/a.json', reason: 'shape 5 has 2 points, a polygon needs ≥ 3' },
        { file: 'label/a.json', reason: 'shape 6 reaches outside the 40x30 image (point 2 at 50, 1)' },
        { file: 'label/a.json', reason: 'shape 7 has zero area' },
        { file: 'label/a.json', reason: 'shape 8 is a point, not a region; skipped' },
        { file: 'label/broken.json', reason: expect.stringContaining('not valid JSON') },
        { file: 'label/other.json', reason: 'not a LabelMe file (no "shapes" list)' },
        {
          file: 'label/lost.json',
          reason: 'image ../img/missing.png not found; its annotations are not imported',
        },
      ]),
    );
    expect(scan.problems).toHaveLength(7);
  });
});
