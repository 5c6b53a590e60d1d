import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Region, SampleDetail } from '../../../electron/contract';
import type { ExportFormat, ExportReport } from '../../../electron/contract/api-exchange';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';
import { pixelKey, regionDifference, roundTripDifferences } from './compare';
import { exportTo, importFolder, snapshot } from './helpers';

/**
 * import a real fixture → export in format X → import the export into a fresh project →
 * the same regions. Boxes and polygons within 1e-6 px; YOLO writes fractions of the image
 * size, so its coordinates come back within 1e-4 px; MVTec holds one mask per image, so its
 * mask must equal, pixel for pixel, all regions of the image rasterised.
 */
const DATASETS = [
  { name: 'bsdata', format: 'bsdata', count: 40, kinds: ['polygon'] },
  { name: 'deeppcb', format: 'deeppcb', count: 40, kinds: ['box'] },
  { name: 'neu-det', format: 'voc', count: 42, kinds: ['box'] },
] as const;

/** The formats that other tools' importers read back (MAU-Set and MMAD have tests of their own). */
type RoundTripFormat = Exclude<ExportFormat, 'mauset' | 'mmad'>;

const IMPORT_FORMAT: Record<RoundTripFormat, 'coco' | 'labelme' | 'yolo' | 'mvtec'> = {
  coco: 'coco',
  labelme: 'labelme',
  'yolo-detect': 'yolo',
  'yolo-segment': 'yolo',
  mvtec: 'mvtec',
};

const EXACT = { px: 1e-6 };
const YOLO = { px: 1e-4 };

/** A polygon as the box YOLO detect keeps of it. */
function asBoundingBox(region: Region): Region {
  if (region.shape.kind !== 'polygon') return region;
  const xs = region.shape.points.map((p) => p[0]);
  const ys = region.shape.points.map((p) => p[1]);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { ...region, shape: { kind: 'box', x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y } };
}

function compareFor(format: RoundTripFormat) {
  return (a: SampleDetail, b: SampleDetail): string | null => {
    if (a.verdict !== b.verdict) return `verdict ${a.verdict} became ${b.verdict}`;
    if ((format === 'coco' || format.startsWith('yolo')) && a.split !== b.split)
      return `split ${a.split} became ${b.split}`;
    switch (format) {
      case 'coco':
      case 'labelme':
        return regionDifference(a.regions, b.regions, a, EXACT);
      case 'yolo-segment':
        return regionDifference(a.regions, b.regions, a, YOLO);
      case 'yolo-detect':
        return regionDifference(a.regions.map(asBoundingBox), b.regions, a, YOLO);
      case 'mvtec': {
        if (a.regions.length === 0) return b.regions.length === 0 ? null : 'regions appeared';
        const [before, after] = [a, b].map((s) =>
          pixelKey(
            s.regions.map((r) => r.shape),
            s.width,
            s.height,
          ),
        );
        return before === after ? null : 'mask pixels differ';
      }
    }
  };
}

const FORMATS: RoundTripFormat[] = ['coco', 'labelme', 'yolo-detect', 'yolo-segment', 'mvtec'];

describe.each(DATASETS)('round trips of the $name fixture', (dataset) => {
  const { core, call } = testCore();
  const root = tempDir(`exchange-${dataset.name}`);
  let original: SampleDetail[] = [];
  const reports = new Map<ExportFormat, ExportReport>();

  beforeAll(async () => {
    await call('project:create', { dir: join(root, 'original') });
    await importFolder(call, join(sharedData, dataset.name), dataset.format, true);
    original = await snapshot(call);
    for (const format of FORMATS)
      reports.set(format, await exportTo(call, { format, outDir: join(root, format) }));
  }, 120_000);
  afterAll(() => core.close());

  it(`has the ${dataset.count} fixture images with their regions`, () => {
    expect(original).toHaveLength(dataset.count);
    const kinds = new Set(original.flatMap((s) => s.regions.map((r) => r.shape.kind)));
    expect([...kinds]).toEqual(dataset.kinds);
  });

  it.each(FORMATS)(
    '%s: exported, re-imported into a fresh project, same regions',
    async (format) => {
      const report = reports.get(format)!;
      expect(report).toMatchObject({ exported: dataset.count, skipped: 0 });
      await call('project:create', { dir: join(root, `again-${format}`) });
      const job = await importFolder(call, join(root, format), IMPORT_FORMAT[format]);
      expect(job.outcome).toMatchObject({ added: dataset.count, failed: 0 });
      // Every export folder, its own export-report.json beside the data, imports without a problem.
      expect(job.problems).toEqual([]);
      const again = await snapshot(call);
      expect(roundTripDifferences(original, again, compareFor(format))).toEqual([]);
      const regionCount = original.reduce((n, s) => n + s.regions.length, 0);
      console.log(
        `${dataset.name} → ${format} → import: ${again.length} images, ${regionCount} regions, ${report.notRepresentable.length} notes`,
      );
    },
    60_000,
  );

  it('notes nothing for COCO, which holds all of it', () => {
    expect(reports.get('coco')!.notRepresentable).toEqual([]);
    expect(reports.get('coco')!.regions).toBe(original.reduce((n, s) => n + s.regions.length, 0));
  });

  it('notes every polygon YOLO detect reduced to its bounding box, and nothing else per region', () => {
    const polygons = original.flatMap((s) => s.regions.filter((r) => r.shape.kind === 'polygon'));
    const notes = reports.get('yolo-detect')!.notRepresentable.filter((n) => n.region !== null);
    expect(notes.map((n) => n.region).sort()).toEqual(polygons.map((r) => r.id).sort());
    expect(new Set(notes.map((n) => n.reason))).toEqual(
      new Set(polygons.length > 0 ? ['polygon: YOLO detect keeps only its bounding box'] : []),
    );
  });

  it('says once that LabelMe has no place for split, category and part', () => {
    const notes = reports.get('labelme')!.notRepresentable;
    expect(notes.every((n) => n.sample === null)).toBe(true);
    expect(notes.map((n) => n.reason)).toContain(
      `LabelMe has no place for the split; not written (${dataset.count} images)`,
    );
  });
});
