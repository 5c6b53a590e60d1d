import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../electron/core/datasets';
import { makeTempDirs, writeFiles, writeImage } from './helpers';

const tempDir = makeTempDirs('mau-bad-');
const HEADER = 'image,label,annotation,defect_types,width,height,split,fixture';
const polygon = JSON.stringify({
  shapes: [
    {
      label: 'Pitting',
      points: [
        [1, 1],
        [9, 1],
        [9, 9],
      ],
      shape_type: 'polygon',
    },
  ],
  imagePath: '../data/a.jpg',
  imageWidth: 40,
  imageHeight: 30,
});

describe('bad dataset input is reported by file and reason, and the scan goes on', () => {
  it('BSData-style manifest: missing files, bad values, broken annotations', async () => {
    const root = tempDir();
    for (const name of ['data/a.jpg', 'data/b.jpg', 'data/c.jpg', 'data/d.jpg', 'data/e.jpg'])
      await writeImage(root, name);
    writeFiles(root, {
      'manifest.csv': [
        HEADER,
        'data/a.jpg,defect,label/a.json,Pitting,40,30,train,1',
        'data/gone.jpg,normal,,,40,30,train,1',
        'data/b.jpg,maybe,,,forty,30,holdout,1',
        'data/c.jpg,defect,label/c.json,Pitting,40,30,test,1',
        'data/d.jpg,defect,label/missing.json,Pitting,40,30,test,1',
        '../outside.jpg,normal,,,40,30,train,1',
        'data/e.jpg,normal,,,40,30,val,0',
      ].join('\n'),
      'label/a.json': polygon,
      'label/c.json': '{"shapes": [',
    });
    const scan = await scanSource(root, { format: 'bsdata', fixtureOnly: true });
    expect(scan.items.map((i) => [i.relPath, i.verdict, i.split, i.annotations.length])).toEqual([
      ['data/a.jpg', 'NG', 'train', 1],
      ['data/b.jpg', null, null, 0],
      ['data/c.jpg', 'NG', 'test', 0],
      ['data/d.jpg', 'NG', 'test', 0],
    ]);
    expect(scan.problems).toEqual([
      { file: 'data/gone.jpg', reason: 'listed in manifest.csv (line 3) but missing' },
      { file: 'label/c.json', reason: expect.stringMatching(/^not valid JSON \(/) },
      { file: 'label/missing.json', reason: 'listed in manifest.csv (line 6) but missing' },
      { file: 'manifest.csv', reason: 'line 4: label "maybe" is not normal or defect' },
      { file: 'manifest.csv', reason: 'line 4: split "holdout" is not train, val or test' },
      { file: 'manifest.csv', reason: 'line 4: width "forty" is not a positive whole number' },
      { file: 'manifest.csv', reason: 'line 7: image ../outside.jpg points outside the dataset folder' },
    ]);
  });

  it('a manifest without the expected columns, or no manifest at all', async () => {
    const root = tempDir();
    writeFiles(root, { 'manifest.csv': 'image,label\ndata/a.jpg,normal\n' });
    const scan = await scanSource(root, { format: 'deeppcb' });
    expect(scan.items).toEqual([]);
    expect(scan.problems).toEqual([
      {
        file: 'manifest.csv',
        reason: 'missing columns annotation, defect_types, width, height, split, fixture',
      },
    ]);
    const none = await scanSource(tempDir(), { format: 'bsdata' });
    expect(none.problems).toEqual([{ file: 'manifest.csv', reason: 'not found; a BSData folder needs it' }]);
  });

  it('DeepPCB box files: wrong field counts, unknown types, empty and outside boxes', async () => {
    const root = tempDir();
    await writeImage(root, 'PCBData/group1/1/1001_test.jpg', 64, 64);
    await writeImage(root, 'PCBData/group1/1/1001_temp.jpg', 64, 64);
    writeFiles(root, {
      'manifest.csv': [
        HEADER,
        'PCBData/group1/1/1001_temp.jpg,normal,,,64,64,train,1',
        'PCBData/group1/1/1001_test.jpg,defect,PCBData/group1/1_not/1001.txt,open;short,64,64,train,1',
      ].join('\n'),
      'PCBData/group1/1_not/1001.txt':
        '1 2 11 12 1\n1 2 3 4\n5 5 9 9 7\n8 8 8 20 2\n60 60 80 70 2\n\n10,10,20,20,2\n',
    });
    const scan = await scanSource(root, { format: 'auto' });
    expect(scan.format).toBe('deeppcb');
    const tested = scan.items[1];
    expect(tested?.partId).toBe('group1/1001');
    expect(scan.items[0]?.partId).toBe('group1/1001');
    expect(tested?.annotations).toEqual([
      { defectType: 'open', shape: { kind: 'box', x: 1, y: 2, w: 10, h: 10 } },
      { defectType: 'short', shape: { kind: 'box', x: 10, y: 10, w: 10, h: 10 } },
    ]);
    const file = 'PCBData/group1/1_not/1001.txt';
    expect(scan.problems).toEqual([
      { file, reason: 'line 2: "1 2 3 4" is not five whole numbers x1 y1 x2 y2 type' },
      { file, reason: 'line 3: type 7 is not one of 1-6 (open, short, mousebite, spur, copper, pin-hole)' },
      { file, reason: 'line 4: box has zero area (0x12)' },
      { file, reason: 'line 5: box reaches outside the 64x64 image (point 2 at 80, 70)' },
    ]);
  });

  it('refuses a source that is not a folder', async () => {
    const root = tempDir();
    writeFiles(root, { 'file.txt': 'x' });
    await expect(scanSource(path.join(root, 'nope'), { format: 'auto' })).rejects.toThrow('folder not found');
    await expect(scanSource(path.join(root, 'file.txt'), { format: 'auto' })).rejects.toThrow('not a folder');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      scanSource(tempDir(), { format: 'folder', signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
