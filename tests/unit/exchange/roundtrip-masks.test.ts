import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaskShape, Region, SampleDetail } from '../../../electron/contract';
import type { ExportFormat, ExportReport } from '../../../electron/contract/api-exchange';
import { detectFormat } from '../../../electron/core/datasets';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/paths';
import { fillHoles, pixelKey, regionDifference, roundTripDifferences } from './compare';
import { art, createProject, noise, type GenSample } from './generated';
import { exportTo, importFolder, snapshot } from './helpers';

const concave = art(4, 3, ['..####..', '.######.', '########', '###..###', '##....##', '#......#']);
// Two blocks touching at a corner (two parts), and a ring whose ends touch only diagonally: one
// part, whose inside the outside reaches through the gap, so it is no hole.
const pinch = art(20, 20, [
  '##.....',
  '##.....',
  '..##...',
  '..##...',
  '.......',
  '.....##',
  '....#.#',
  '....###',
]);
const ring = art(10, 8, ['######', '######', '##..##', '##..##', '######', '######']);
const edge = art(0, 0, ['###.............', '##..............']);
const corner = art(14, 10, ['.#', '##']);

const SAMPLES: GenSample[] = [
  {
    name: 'masks.png',
    width: 64,
    height: 48,
    verdict: 'NG',
    regions: [
      { defectType: 'scratch', shape: concave },
      { defectType: 'dent', shape: pinch },
      { defectType: 'dent', shape: { kind: 'box', x: 10.25, y: 20.5, w: 7.125, h: 3.75 } },
      {
        defectType: 'scratch',
        shape: {
          kind: 'polygon',
          points: [
            [30.5, 5.25],
            [40.75, 8],
            [35.125, 15.5],
          ],
        },
      },
    ],
  },
  {
    name: 'ring.png',
    width: 40,
    height: 30,
    verdict: 'NG',
    split: 'val',
    regions: [{ defectType: 'stain', shape: ring }],
  },
  {
    name: 'edge.png',
    width: 16,
    height: 12,
    verdict: 'NG',
    split: 'test',
    regions: [
      { defectType: 'scratch', shape: edge },
      { defectType: 'scratch', shape: corner },
      { defectType: null, shape: { kind: 'box', x: 2, y: 5, w: 4, h: 4 } },
    ],
  },
  {
    name: 'noise.png',
    width: 50,
    height: 40,
    verdict: 'NG',
    regions: [{ defectType: 'stain', shape: noise(13, 9, 24, 18, 7) }],
  },
  { name: 'ok.png', width: 20, height: 20, verdict: 'OK', regions: [] },
  {
    name: 'unsure.png',
    width: 30,
    height: 30,
    verdict: 'unsure',
    regions: [
      {
        defectType: 'dent',
        shape: {
          kind: 'polygon',
          points: [
            [3, 3],
            [20.5, 4],
            [9, 17.25],
            [2, 12],
          ],
        },
      },
    ],
  },
  { name: 'ng-empty.png', width: 20, height: 20, verdict: 'NG', defectTypes: ['dent'], regions: [] },
  { name: 'unlabelled.png', width: 20, height: 20, verdict: null, split: null, category: null, regions: [] },
];

const FORMATS = ['coco', 'labelme', 'yolo-detect', 'yolo-segment', 'mvtec'] as const satisfies ExportFormat[];
const IMPORT_AS = {
  coco: 'coco',
  labelme: 'labelme',
  'yolo-detect': 'yolo',
  'yolo-segment': 'yolo',
  mvtec: 'mvtec',
} as const;

describe('round trips of a labelled project with masks, boxes and polygons', () => {
  const { core, call } = testCore();
  const root = tempDir('exchange-masks');
  let original: SampleDetail[] = [];
  const reports = new Map<ExportFormat, ExportReport>();
  const again = new Map<ExportFormat, SampleDetail[]>();
  const byName = (name: string) => original.find((s) => s.fileName === name)!;
  const notesOf = (format: ExportFormat, name: string) =>
    reports
      .get(format)!
      .notRepresentable.filter((n) => n.sample === byName(name).id)
      .map((n) => n.reason);

  beforeAll(async () => {
    await createProject(join(root, 'original'), join(root, 'images'), SAMPLES);
    await call('project:open', { dir: join(root, 'original') });
    original = await snapshot(call);
    for (const format of FORMATS)
      reports.set(format, await exportTo(call, { format, outDir: join(root, format), copyImages: true }));
    for (const format of FORMATS) {
      await call('project:create', { dir: join(root, `again-${format}`) });
      await importFolder(call, join(root, format), IMPORT_AS[format]);
      again.set(format, await snapshot(call));
    }
  }, 120_000);
  afterAll(() => core.close());

  it('COCO: every typed region back exactly (masks pixel for pixel, via column-major RLE), verdicts and splits too', () => {
    const typed = (s: SampleDetail) => s.regions.filter((r) => r.defectType !== null);
    const differences = roundTripDifferences(original, again.get('coco')!, (a, b) =>
      a.verdict !== b.verdict || a.split !== b.split || a.category !== b.category
        ? `label ${a.verdict}/${a.split}/${a.category} became ${b.verdict}/${b.split}/${b.category}`
        : regionDifference(typed(a), b.regions, a, { px: 1e-6 }),
    );
    expect(differences).toEqual([]);
    expect(reports.get('coco')!.notRepresentable).toEqual([
      {
        file: 'images/edge.png',
        sample: byName('edge.png').id,
        region: byName('edge.png').regions[2]!.id,
        reason: 'has no defect type; COCO needs a class for every object, so it is not written',
      },
    ]);
  });

  it('LabelMe: every region back exactly, masks as LabelMe 5 mask shapes, the untyped one with an empty label', () => {
    const differences = roundTripDifferences(original, again.get('labelme')!, (a, b) =>
      regionDifference(a.regions, b.regions, a, { px: 1e-6 }),
    );
    expect(differences).toEqual([]);
    const verdicts = Object.fromEntries(again.get('labelme')!.map((s) => [s.fileName, s.verdict]));
    expect(verdicts).toMatchObject({
      'unsure.png': 'NG',
      'ng-empty.png': 'OK',
      'unlabelled.png': null,
      'ok.png': 'OK',
    });
    expect(notesOf('labelme', 'unsure.png')).toEqual([
      'verdict unsure: LabelMe has no place for it; reads back as NG',
    ]);
    expect(notesOf('labelme', 'ng-empty.png')).toEqual([
      'verdict NG, but no region was written: an empty label file reads back as OK',
    ]);
  });

  it('YOLO segment: boxes and polygons within 1e-4 px, each mask as outlines covering exactly its pixels', () => {
    // Coordinates are written as fractions of the image size, hence the tolerance; a pixel
    // centre right on a polygon edge may flip, so polygons are compared by numbers, masks by pixels.
    const reimported = again.get('yolo-segment')!;
    for (const sample of original) {
      const back = reimported.find((s) => s.contentHash === sample.contentHash)!;
      const typed = sample.regions.filter((r) => r.defectType !== null);
      const fromMasks = [...back.regions];
      for (const region of typed.filter((r) => r.shape.kind !== 'mask')) {
        const at = fromMasks.findIndex((r) => regionDifference([region], [r], sample, { px: 1e-4 }) === null);
        expect(at, `${sample.fileName}: region ${region.id}`).toBeGreaterThanOrEqual(0);
        fromMasks.splice(at, 1);
      }
      const masks = typed.filter((r) => r.shape.kind === 'mask');
      for (const type of new Set(masks.map((r) => r.defectType))) {
        const expected = masks
          .filter((r) => r.defectType === type)
          .map((r) => fillHoles(r.shape as MaskShape));
        const actual = fromMasks.filter((r) => r.defectType === type).map((r) => r.shape);
        expect(pixelKey(actual, back.width, back.height), `${sample.fileName} ${type}`).toBe(
          pixelKey(expected, sample.width, sample.height),
        );
      }
      expect(back.regions.every((r) => r.shape.kind !== 'mask')).toBe(true);
    }
    expect(notesOf('yolo-segment', 'ring.png')).toEqual([
      'mask has holes (4 px) a YOLO polygon cannot keep; they are filled',
      'mask outline approximates the mask: pixel IoU 0.8889',
    ]);
    expect(notesOf('yolo-segment', 'masks.png')).toEqual([
      'mask has 3 separate parts; written as 3 polygons',
    ]);
    expect(notesOf('yolo-segment', 'edge.png')).toContain(
      'has no defect type; YOLO needs a class for every object, so it is not written',
    );
  });

  it('YOLO detect: a mask comes back as its bounding box, and says so', () => {
    const back = again.get('yolo-detect')!.find((s) => s.fileName === 'ring.png')!;
    const box = { id: back.regions[0]!.id, defectType: 'stain', origin: 'imported' as const };
    const expected: Region[] = [{ ...box, shape: { kind: 'box', x: 10, y: 8, w: 6, h: 6 } }];
    expect(regionDifference(expected, back.regions, back, { px: 1e-4 })).toBeNull();
    expect(notesOf('yolo-detect', 'ring.png')).toEqual(['mask: YOLO detect keeps only its bounding box']);
  });

  it('MVTec: one full-size mask per image equal, pixel for pixel, to all its regions', () => {
    const differences = roundTripDifferences(original, again.get('mvtec')!, (a, b) => {
      const [before, after] = [a, b].map((s) =>
        pixelKey(
          s.regions.map((r) => r.shape),
          s.width,
          s.height,
        ),
      );
      return before === after ? null : `${a.fileName}: mask pixels differ`;
    });
    expect(differences).toEqual([]);
    expect(notesOf('mvtec', 'masks.png')).toContain(
      'has defect types dent, scratch; MVTec holds one per image: written as combined',
    );
    expect(notesOf('mvtec', 'ng-empty.png')).toEqual(['verdict NG without regions: no mask written']);
    const tallies = reports
      .get('mvtec')!
      .notRepresentable.filter((n) => n.sample === null)
      .map((n) => n.reason);
    expect(tallies).toContain('no verdict and no regions; written as good (1 image)');
    expect(tallies).toContain('no category; written under unsorted/ (1 image)');
  });

  it('recognises each export by its layout when importing with format auto', async () => {
    for (const format of FORMATS)
      expect((await detectFormat(join(root, format))).format, format).toBe(IMPORT_AS[format]);
  });

  it('lists every region in some report entry or writes it: nothing is dropped silently', () => {
    for (const format of FORMATS) {
      const report = reports.get(format)!;
      const noted = new Set(report.notRepresentable.map((n) => n.region));
      const total = original.reduce((n, s) => n + s.regions.length, 0);
      const unwritten = original.flatMap((s) => s.regions).filter((r) => noted.has(r.id)).length;
      expect(report.regions + unwritten, format).toBeGreaterThanOrEqual(total);
      expect(report.exported, format).toBe(SAMPLES.length);
    }
  });
});
