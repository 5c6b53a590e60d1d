import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../electron/core/datasets';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/paths';
import { writeFiles, writeImage } from '../datasets/helpers';
import { importFolder } from './helpers';

/** A COCO file with one good record of each kind and one broken record of each way to break. */
const COCO = {
  images: [
    { id: 1, file_name: 'a.png', width: 40, height: 30 },
    { id: 2, file_name: 'missing.png', width: 40, height: 30 },
    { id: 3, file_name: 'b.png', width: '40', height: 30 },
    { id: 4, file_name: 'c.png', width: 40, height: 30 },
  ],
  categories: [
    { id: 1, name: 'scratch' },
    { id: 2, name: '' },
  ],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, segmentation: [[1, 1, 10, 1, 10, 10, 1, 10]], bbox: [1, 1, 9, 9] },
    { id: 2, image_id: 1, category_id: 1, segmentation: [[1, 2, 3, 4]] },
    { id: 3, image_id: 1, category_id: 9, bbox: [1, 1, 2, 2] },
    { id: 4, image_id: 77, category_id: 1, bbox: [1, 1, 2, 2] },
    // pycocotools' compressed counts of a 2x2 block at (1, 1), worked out by hand: 31 2 28 2 1137.
    { id: 5, image_id: 4, category_id: 1, segmentation: { size: [30, 40], counts: 'o02l00eR1' }, iscrowd: 1 },
    { id: 6, image_id: 4, category_id: 1, segmentation: { size: [20, 40], counts: [5, 3, 792] } },
    { id: 7, image_id: 4, category_id: 1, segmentation: { size: [30, 40], counts: [5, 3, 10] } },
    { id: 8, image_id: 1, category_id: 1, bbox: [5, 5, 4] },
    { id: 9, image_id: 1, category_id: 1, segmentation: [[2, 2, 12, 3, 6, 12]] },
    { id: 10, image_id: 2, category_id: 1, bbox: [1, 1, 2, 2] },
    {
      id: 11,
      image_id: 4,
      category_id: 1,
      segmentation: { size: [30, 40], counts: [90, 5, 1105] },
      iscrowd: 0,
    },
    { id: 12, image_id: 1, category_id: 1, segmentation: [] },
  ],
};

async function cocoSource(): Promise<string> {
  const root = tempDir('coco-bad');
  writeFiles(root, { 'annotations.json': JSON.stringify(COCO) });
  for (const name of ['a.png', 'b.png', 'c.png']) await writeImage(path.join(root, 'images'), name, 40, 30);
  return root;
}

describe('malformed COCO: each bad record is named, the rest imported', () => {
  it('names the file, the record and the field of every problem', async () => {
    const scan = await scanSource(await cocoSource(), { format: 'coco' });
    expect(scan.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([
      'annotations.json: annotations[1].segmentation[0]: polygon has 4 numbers, needs ≥ 6',
      'annotations.json: annotations[2].category_id: no category has id 9',
      'annotations.json: annotations[3].image_id: no image has id 77',
      'annotations.json: annotations[5].segmentation.size: is [20, 40], the image is 40x30',
      'annotations.json: annotations[6].segmentation.counts: runs cover 18 of the 1200 pixels of the 40x30 image',
      'annotations.json: annotations[7].bbox: Too small: expected array to have >=4 items',
      'annotations.json: annotations[11].segmentation: missing, and there is no bbox either',
      'annotations.json: categories[1].name: is empty: a category needs a name',
      'annotations.json: images[1].file_name: missing.png not found (looked for missing.png, images/missing.png); its annotations are not imported',
      'annotations.json: images[2].width: Invalid input: expected number, received string; the image and its annotations are not imported',
    ]);
  });

  it('imports the good records: bbox-only, polygon, rectangle as box, RLE as list and as compressed string', async () => {
    const scan = await scanSource(await cocoSource(), { format: 'coco' });
    const a = scan.items.find((i) => i.relPath === 'images/a.png')!;
    const c = scan.items.find((i) => i.relPath === 'images/c.png')!;
    expect(scan.items.map((i) => i.relPath).sort()).toEqual(['images/a.png', 'images/c.png']);
    expect(a).toMatchObject({ verdict: 'NG', defectTypes: ['scratch'] });
    expect(a.annotations).toEqual([
      { defectType: 'scratch', shape: { kind: 'box', x: 1, y: 1, w: 9, h: 9 } },
      {
        defectType: 'scratch',
        shape: {
          kind: 'polygon',
          points: [
            [2, 2],
            [12, 3],
            [6, 12],
          ],
        },
      },
    ]);
    // 90 zeros: three columns of 30; then rows 0-4 of column 3.
    expect(c.annotations).toEqual([
      { defectType: 'scratch', shape: { kind: 'mask', x: 1, y: 1, w: 2, h: 2, rle: [0, 4] } },
      { defectType: 'scratch', shape: { kind: 'mask', x: 3, y: 0, w: 1, h: 5, rle: [0, 5] } },
    ]);
  });

  it('goes through the core as an import job that finishes with the problems listed', async () => {
    const { core, call } = testCore();
    try {
      await call('project:create', { dir: path.join(tempDir('project'), 'p') });
      const job = await importFolder(call, await cocoSource(), 'auto');
      expect(job.outcome).toMatchObject({ added: 2, failed: 0 });
      expect(job.problemCount).toBe(10);
    } finally {
      await core.close();
    }
  });
});

describe('malformed YOLO: each bad line is named, the rest imported', () => {
  it('names the file, the line and the field', async () => {
    const root = tempDir('yolo-bad');
    await writeImage(path.join(root, 'images', 'train'), 'a.png', 40, 30);
    await writeImage(path.join(root, 'images', 'train'), 'b.png', 40, 30);
    writeFiles(root, {
      'data.yaml': "path: .\ntrain: images/train\nnames:\n  0: scratch\n  1: 'dent'  # a comment\n",
      'labels/train/a.txt': [
        '0 0.5 0.5 0.25 0.2',
        '7 0.5 0.5 0.1 0.1',
        '1 0.5 0.5 0.1',
        '1 0.5 1.4 0.1 0.1',
        '0 0.1 0.1 0.5 0.1 x 0.6',
        '1 0.1 0.1 0.5 0.1 0.3 0.6',
        '',
      ].join('\n'),
      'labels/train/b.txt': '',
      'labels/train/orphan.txt': '0 0.5 0.5 0.1 0.1\n',
    });
    const scan = await scanSource(root, { format: 'auto' });
    expect(scan.format).toBe('yolo');
    expect(scan.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([
      'labels/train/a.txt: line 2: class: 7 is not one of the 2 classes (0..1)',
      'labels/train/a.txt: line 3: has 4 numbers; a box needs 5 (class cx cy w h), a polygon an odd number ≥ 7 (class x1 y1 x2 y2 x3 y3 …)',
      'labels/train/a.txt: line 4: cy: 1.4 is outside 0..1 (YOLO coordinates are fractions of the image size)',
      'labels/train/a.txt: line 5: x3: "x" is not a number',
      'labels/train/orphan.txt: no image for this label file; not imported',
    ]);
    const a = scan.items.find((i) => i.relPath === 'images/train/a.png')!;
    expect(a).toMatchObject({ split: 'train', verdict: 'NG', defectTypes: ['dent', 'scratch'] });
    expect(a.annotations).toEqual([
      { defectType: 'scratch', shape: { kind: 'box', x: 15, y: 12, w: 10, h: 6 } },
      {
        defectType: 'dent',
        shape: {
          kind: 'polygon',
          points: [
            [4, 3],
            [20, 3],
            [12, 18],
          ],
        },
      },
    ]);
    expect(scan.items.find((i) => i.relPath === 'images/train/b.png')).toMatchObject({
      verdict: 'OK',
      annotations: [],
    });
  });

  it('says when data.yaml names are unusable, and names classes by number', async () => {
    const root = tempDir('yolo-names');
    await writeImage(path.join(root, 'images'), 'a.png', 40, 30);
    writeFiles(root, {
      'data.yaml': 'names:\n  0: scratch\n  2: dent\n',
      'labels/a.txt': '1 0.5 0.5 0.5 0.5\n',
    });
    const scan = await scanSource(root, { format: 'yolo' });
    expect(scan.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([
      'data.yaml: names: class 1 is missing (indices must run 0..1)',
      'data.yaml: no usable class names (data.yaml names or classes.txt); classes are named by their numbers',
    ]);
    expect(scan.items[0]!.annotations).toEqual([
      { defectType: '1', shape: { kind: 'box', x: 10, y: 7.5, w: 20, h: 15 } },
    ]);
  });
});

describe('malformed LabelMe: each bad shape is named, the rest imported', () => {
  it('names the file, the shape and what is wrong with it', async () => {
    const root = tempDir('labelme-bad');
    await writeImage(root, 'a.png', 40, 30);
    const shapes = [
      {
        label: 'scratch',
        points: [
          [1, 1],
          [10, 1],
          [5, 8],
        ],
        shape_type: 'polygon',
      },
      {
        label: 'scratch',
        points: [
          [1, 1],
          [10, 1],
        ],
        shape_type: 'polygon',
      },
      { label: 'dent', points: 'nowhere', shape_type: 'rectangle' },
      {
        label: 'dent',
        points: [
          [0, 0],
          [3, 3],
        ],
        shape_type: 'mask',
        mask: 'bm90IGEgcG5n',
      },
    ];
    fs.writeFileSync(
      path.join(root, 'a.json'),
      JSON.stringify({ shapes, imagePath: 'a.png', imageWidth: 40, imageHeight: 30 }),
    );
    const scan = await scanSource(root, { format: 'labelme' });
    expect(scan.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([
      'a.json: shape 2 has 2 points, a polygon needs ≥ 3',
      'a.json: shape 3 has points that are not [x, y] number pairs',
      expect.stringMatching(/^a\.json: shape 4 has mask data that is not a readable image/),
    ]);
    expect(scan.items[0]!.annotations).toHaveLength(1);
  });
});
