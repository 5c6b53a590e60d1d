import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, scanSource } from '../../../electron/core/datasets';
import type { ImportItem } from '../../../electron/core/datasets/types';
import { fixtureRows, SHARED_DATA } from './helpers';

const BSDATA = path.join(SHARED_DATA, 'bsdata');
const DEEPPCB = path.join(SHARED_DATA, 'deeppcb');
const NEU = path.join(SHARED_DATA, 'neu-det');

function byRelPath(items: ImportItem[], relPath: string): ImportItem {
  const found = items.find((i) => i.relPath === relPath);
  if (!found) throw new Error(`${relPath} not scanned`);
  return found;
}

function expectMatchesManifest(items: ImportItem[], dataset: string) {
  const rows = fixtureRows(dataset, SHARED_DATA);
  expect(items.map((i) => i.relPath).sort()).toEqual(rows.map((r) => r.image).sort());
  for (const row of rows) {
    const item = byRelPath(items, row.image as string);
    expect(item.verdict).toBe(row.label === 'normal' ? 'OK' : 'NG');
    expect(item.split).toBe(row.split);
  }
}

describe('the three real datasets, fixture rows', () => {
  it('recognises each dataset by its layout', async () => {
    expect((await detectFormat(BSDATA)).format).toBe('bsdata');
    expect((await detectFormat(DEEPPCB)).format).toBe('deeppcb');
    expect((await detectFormat(NEU)).format).toBe('voc');
  });

  it('reads BSData: 40 rows, LabelMe polygons exactly, parts by spindle position', async () => {
    const scan = await scanSource(BSDATA, { format: 'auto', fixtureOnly: true });
    expect(scan).toMatchObject({ format: 'bsdata', sourceName: 'bsdata', problems: [] });
    expect(scan.items).toHaveLength(40);
    expectMatchesManifest(scan.items, 'bsdata');
    const item = byRelPath(scan.items, 'data/01_200905201421_395000_270_crop_2.jpg');
    expect(item).toMatchObject({
      path: path.join(BSDATA, 'data/01_200905201421_395000_270_crop_2.jpg'),
      source: 'bsdata',
      domain: 'metal',
      category: 'ball_screw',
      split: 'val',
      partId: '395000_270',
      verdict: 'NG',
      defectTypes: ['pitting'],
    });
    expect(item.annotations).toHaveLength(1);
    const shape = (item.annotations[0] as { defectType: string; shape: { kind: string; points: number[][] } })
      .shape;
    expect(item.annotations[0]).toMatchObject({ defectType: 'pitting' });
    expect(shape.kind).toBe('polygon');
    expect(shape.points).toHaveLength(15);
    expect(shape.points[0]).toEqual([342.3160173160173, 321.86147186147184]);
    expect(shape.points[14]).toEqual([340.3679653679654, 322.4025974025974]);
    expect(byRelPath(scan.items, 'data/KGT2-V-311-A08_crop_4.jpg').partId).toBe('KGT2');
    const normals = scan.items.filter((i) => i.verdict === 'OK');
    expect(normals).toHaveLength(20);
    expect(normals.every((i) => i.annotations.length === 0 && i.defectTypes.length === 0)).toBe(true);
  });

  it('reads DeepPCB: boxes exactly, each tested image grouped with its template', async () => {
    const scan = await scanSource(DEEPPCB, { format: 'auto', fixtureOnly: true });
    expect(scan).toMatchObject({ format: 'deeppcb', problems: [] });
    expect(scan.items).toHaveLength(40);
    expectMatchesManifest(scan.items, 'deeppcb');
    const tested = byRelPath(scan.items, 'PCBData/group00041/00041/00041046_test.jpg');
    const template = byRelPath(scan.items, 'PCBData/group00041/00041/00041046_temp.jpg');
    expect(tested).toMatchObject({
      domain: 'electronics',
      category: 'pcb',
      partId: 'group00041/00041046',
      verdict: 'NG',
    });
    expect(template).toMatchObject({ partId: 'group00041/00041046', verdict: 'OK', annotations: [] });
    // First line of 00041046.txt: "431 412 493 446 1".
    expect(tested.annotations[0]).toEqual({
      defectType: 'open',
      shape: { kind: 'box', x: 431, y: 412, w: 62, h: 34 },
    });
    const lines = fs
      .readFileSync(path.join(DEEPPCB, 'PCBData/group00041/00041_not/00041046.txt'), 'utf8')
      .trim()
      .split('\n');
    expect(tested.annotations).toHaveLength(lines.length);
    expect(tested.defectTypes).toEqual(['copper', 'mousebite', 'open', 'pin-hole', 'short', 'spur']);
  });

  it('reads NEU-DET: VOC boxes exactly (1-based inclusive corners), all defects', async () => {
    const scan = await scanSource(NEU, { format: 'auto', fixtureOnly: true });
    expect(scan).toMatchObject({ format: 'voc', problems: [] });
    expect(scan.items).toHaveLength(42);
    expectMatchesManifest(scan.items, 'neu-det');
    const item = byRelPath(scan.items, 'IMAGES/crazing_26.jpg');
    expect(item).toMatchObject({
      domain: 'metal',
      category: 'steel_surface',
      verdict: 'NG',
      defectTypes: ['crazing'],
    });
    // crazing_26.xml, first object: xmin 25, ymin 1, xmax 185, ymax 50.
    expect(item.annotations[0]).toEqual({
      defectType: 'crazing',
      shape: { kind: 'box', x: 24, y: 0, w: 161, h: 50 },
    });
    expect(scan.items.every((i) => i.verdict === 'NG' && i.annotations.length > 0)).toBe(true);
  });

  it('scans all three in well under a few seconds', async () => {
    const started = performance.now();
    const scans = await Promise.all(
      [BSDATA, DEEPPCB, NEU].map((d) => scanSource(d, { format: 'auto', fixtureOnly: true })),
    );
    expect(scans.reduce((n, s) => n + s.items.length, 0)).toBe(122);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('puts everything into one split when asked, and uses the given source name', async () => {
    const scan = await scanSource(NEU, {
      format: 'voc',
      fixtureOnly: true,
      split: 'test',
      sourceName: 'NEU steel',
    });
    expect(scan.sourceName).toBe('NEU steel');
    expect(scan.items.every((i) => i.split === 'test' && i.source === 'NEU steel')).toBe(true);
  });
});
