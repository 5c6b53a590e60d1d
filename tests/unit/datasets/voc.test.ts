import { describe, expect, it } from 'vitest';
import { scanSource } from '../../../electron/core/datasets';
import { makeTempDirs, writeFiles, writeImage } from './helpers';

const tempDir = makeTempDirs('mau-voc-');

const voc = (objects: string, size = '<size><width>40</width><height>30</height><depth>3</depth></size>') =>
  `<?xml version="1.0"?>\n<annotation>\n  <filename>x.jpg</filename>\n  ${size}\n${objects}</annotation>\n`;
const object = (name: string, box: [number, number, number, number]) =>
  `  <object><name>${name}</name><bndbox><xmin>${box[0]}</xmin><ymin>${box[1]}</ymin>` +
  `<xmax>${box[2]}</xmax><ymax>${box[3]}</ymax></bndbox></object>\n`;

describe('Pascal VOC without a manifest', () => {
  it('pairs XML and images by name, in split folders or side by side', async () => {
    const root = tempDir();
    for (const name of ['Images/s1.jpg', 'Images/s2.jpg', 'Images/s3.jpg', 'flat/f1.png'])
      await writeImage(root, name);
    writeFiles(root, {
      'Annotations/s1.xml': voc(
        object('scratch', [1, 1, 10, 5]) + object('dent &amp; bump', [11, 11, 20, 20]),
      ),
      'Annotations/s2.xml': voc(''),
      'flat/f1.xml': voc(object('scratch', [1, 1, 40, 30])),
      'Annotations/orphan.xml': voc(''),
      'Annotations/bad.xml': voc('<object><name>x</name></bndbox></object>'),
      'Annotations/zero.xml': voc(object('scratch', [5, 5, 4, 9])),
    });
    writeFiles(root, { 'Images/zero.jpg': '' }); // pairing only looks at names
    const scan = await scanSource(root, { format: 'auto' });
    expect(scan.format).toBe('voc');
    const rows = scan.items.map((i) => [i.relPath, i.verdict, i.defectTypes, i.annotations]);
    expect(rows).toEqual([
      [
        'Images/s1.jpg',
        'NG',
        ['dent & bump', 'scratch'],
        [
          { defectType: 'scratch', shape: { kind: 'box', x: 0, y: 0, w: 10, h: 5 } },
          { defectType: 'dent & bump', shape: { kind: 'box', x: 10, y: 10, w: 10, h: 10 } },
        ],
      ],
      ['Images/s2.jpg', 'OK', [], []],
      ['Images/s3.jpg', null, [], []],
      ['Images/zero.jpg', 'NG', ['scratch'], []],
      [
        'flat/f1.png',
        'NG',
        ['scratch'],
        [{ defectType: 'scratch', shape: { kind: 'box', x: 0, y: 0, w: 40, h: 30 } }],
      ],
    ]);
    expect(scan.items.every((i) => i.domain === null)).toBe(true);
    expect(scan.problems).toEqual([
      { file: 'Annotations/bad.xml', reason: 'not valid XML (line 5: expected </object>, found </bndbox>)' },
      { file: 'Annotations/orphan.xml', reason: 'no image with the same name' },
      { file: 'Annotations/zero.xml', reason: 'object 1 (line 5) has zero area (0x5)' },
    ]);
  });
});
