import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SampleFilter } from '../../../electron/contract/domain';
import type { ImportedSampleInput, ProjectStore } from '../../../electron/core/store';
import { sampleInput, tempProjects } from './helpers';

const temp = tempProjects();

const box = { kind: 'box', x: 1, y: 1, w: 5, h: 5 } as const;

/** A small mixed project: three datasets, every verdict, split and state represented. */
function buildProject() {
  const { store, images } = temp.newProject();
  const ids: Record<string, number> = {};
  const add = (rel: string, overrides: Partial<ImportedSampleInput>) => {
    const file = path.join(images, rel);
    ids[rel] = store.upsertImportedSample(sampleInput(file, { relPath: rel, ...overrides })).id;
  };
  add('bsdata/S1_001.png', {
    split: 'train',
    verdict: 'NG',
    regions: [{ defectType: 'pitting', shape: box }],
  });
  add('bsdata/S1_002.png', { split: 'test', verdict: 'OK' });
  add('bsdata/S2_100%_off.png', { split: null, verdict: null });
  add('bsdata/S1X004.png', { split: 'train', verdict: 'OK' });
  add('neu-det/crazing_1.png', {
    source: 'neu-det',
    category: 'steel-strip',
    split: 'train',
    verdict: 'NG',
    defectTypes: ['crazing'],
  });
  add('neu-det/scratches_2.png', {
    source: 'neu-det',
    category: 'steel-strip',
    split: 'val',
    verdict: 'NG',
    regions: [
      { defectType: 'scratches', shape: box },
      { defectType: 'crazing', shape: box },
      { defectType: 'scratches', shape: box },
    ],
  });
  add('deeppcb/A_01.jpg', {
    source: 'deeppcb',
    domain: 'electronics',
    category: 'pcb',
    split: 'test',
    verdict: 'unsure',
  });
  ids['deeppcb/broken.jpg'] = store.recordSampleError(
    {
      path: path.join(images, 'deeppcb/broken.jpg'),
      relPath: 'deeppcb/broken.jpg',
      source: 'deeppcb',
      category: 'pcb',
    },
    'not a JPEG',
  ).id;
  store.db.prepare(`UPDATE labels SET review_state = 'ok' WHERE sample_id = ?`).run(ids['bsdata/S1_002.png']);
  return { store, ids };
}

let store: ProjectStore;
let ids: Record<string, number>;
beforeEach(() => {
  ({ store, ids } = buildProject());
});

const names = (list: number[]) => list.map((id) => Object.keys(ids).find((key) => ids[key] === id));
const find = (filter: SampleFilter) => names(store.sampleIds(filter, 'path')).sort();

describe('finding samples for the queue', () => {
  it('lists every image by path, by import order or grouped by dataset', () => {
    const all = Object.keys(ids);
    expect(names(store.sampleIds({}, 'path'))).toEqual([...all].sort());
    expect(names(store.sampleIds({}, 'imported'))).toEqual(all);
    expect(names(store.sampleIds({}, 'source'))).toEqual([
      ...all.filter((k) => k.startsWith('bsdata')).sort(),
      ...all.filter((k) => k.startsWith('deeppcb')).sort(),
      ...all.filter((k) => k.startsWith('neu-det')).sort(),
    ]);
    expect(store.sampleCount()).toBe(all.length);
  });

  it('combines choices: any of the chosen values within a filter, all filters together', () => {
    expect(find({ verdicts: ['OK', 'none'] })).toEqual([
      'bsdata/S1X004.png',
      'bsdata/S1_002.png',
      'bsdata/S2_100%_off.png',
      'deeppcb/broken.jpg',
    ]);
    expect(find({ verdicts: ['NG'], sources: ['neu-det'] })).toEqual([
      'neu-det/crazing_1.png',
      'neu-det/scratches_2.png',
    ]);
    expect(find({ splits: ['none'] })).toEqual(['bsdata/S2_100%_off.png', 'deeppcb/broken.jpg']);
    expect(find({ splits: ['val', 'test'], categories: ['pcb', 'steel-strip'] })).toEqual([
      'deeppcb/A_01.jpg',
      'neu-det/scratches_2.png',
    ]);
    expect(find({ verdicts: [], sources: [] })).toHaveLength(Object.keys(ids).length);
  });

  it('finds images by defect type, whether it was drawn as a region or only named for the image', () => {
    expect(find({ defectTypes: ['crazing'] })).toEqual(['neu-det/crazing_1.png', 'neu-det/scratches_2.png']);
    expect(find({ defectTypes: ['pitting', 'scratches'] })).toEqual([
      'bsdata/S1_001.png',
      'neu-det/scratches_2.png',
    ]);
    expect(find({ defectTypes: ['no-such-type'] })).toEqual([]);
  });

  it('shows unreadable files as errors and reviewed ones by their state', () => {
    expect(find({ reviewStates: ['error'] })).toEqual(['deeppcb/broken.jpg']);
    expect(find({ reviewStates: ['ok'] })).toEqual(['bsdata/S1_002.png']);
    expect(find({ reviewStates: ['unreviewed'] })).toHaveLength(Object.keys(ids).length - 2);
  });

  it('searches paths case-insensitively, taking % and _ literally', () => {
    expect(find({ search: 's1_' })).toEqual(['bsdata/S1_001.png', 'bsdata/S1_002.png']);
    expect(find({ search: '100%' })).toEqual(['bsdata/S2_100%_off.png']);
    expect(find({ search: 'CRAZING' })).toEqual(['neu-det/crazing_1.png']);
    expect(find({ search: "'; DROP TABLE samples; --" })).toEqual([]);
    expect(store.sampleCount()).toBe(Object.keys(ids).length);
  });
});

describe('showing a page of the grid and one image', () => {
  it('returns summaries in the order asked, skipping images that are gone', () => {
    const order = [ids['neu-det/scratches_2.png']!, 999_999, ids['bsdata/S1_001.png']!];
    const page = store.samplePage(order);
    expect(page.map((s) => s.id)).toEqual([order[0], order[2]]);
    expect(page[0]).toMatchObject({
      fileName: 'scratches_2.png',
      relPath: 'neu-det/scratches_2.png',
      source: 'neu-det',
      category: 'steel-strip',
      split: 'val',
      verdict: 'NG',
      defectTypes: ['crazing', 'scratches'],
      reviewState: 'unreviewed',
      regionCount: 3,
      error: null,
    });
    expect(store.samplePage([])).toEqual([]);
  });

  it('has nothing to show for an id that does not exist', () => {
    expect(store.sampleDetail(424242)).toBeUndefined();
  });
});

describe('filter panel counts', () => {
  const count = (list: { value: string; count: number }[]) =>
    Object.fromEntries(list.map((f) => [f.value, f.count]));

  it('counts the whole project when nothing is chosen', () => {
    const facets = store.facets({});
    expect(facets.total).toBe(8);
    expect(facets.projectTotal).toBe(8);
    expect(facets.verdicts).toEqual([
      { value: 'OK', count: 2 },
      { value: 'NG', count: 3 },
      { value: 'unsure', count: 1 },
      { value: 'none', count: 2 },
    ]);
    expect(count(facets.splits)).toEqual({ train: 3, val: 1, test: 2, none: 2 });
    expect(count(facets.sources)).toEqual({ bsdata: 4, deeppcb: 2, 'neu-det': 2 });
    expect(count(facets.categories)).toEqual({ 'ball-screw': 4, pcb: 2, 'steel-strip': 2 });
    expect(count(facets.reviewStates)).toEqual({ unreviewed: 6, ok: 1, error: 1 });
    const colors = Object.fromEntries(store.taxonomy().defectTypes.map((t) => [t.name, t.color]));
    expect(facets.defectTypes).toEqual([
      { value: 'crazing', count: 2, color: colors.crazing },
      { value: 'pitting', count: 1, color: colors.pitting },
      { value: 'scratches', count: 1, color: colors.scratches },
    ]);
  });

  it('keeps showing what each other choice would add once a filter is set', () => {
    const facets = store.facets({ verdicts: ['NG'], sources: ['neu-det'] });
    expect(facets.total).toBe(2);
    expect(facets.projectTotal).toBe(8);
    // verdicts are counted within neu-det only, but not narrowed to NG
    expect(count(facets.verdicts)).toEqual({ NG: 2 });
    // sources are counted among NG images, every source shown
    expect(count(facets.sources)).toEqual({ bsdata: 1, 'neu-det': 2 });
    expect(count(facets.splits)).toEqual({ train: 1, val: 1 });
    expect(count(facets.defectTypes)).toEqual({ crazing: 2, scratches: 1 });
  });

  it('still lists a chosen value that nothing matches, so the choice can be undone', () => {
    const facets = store.facets({ sources: ['deeppcb'], verdicts: ['NG'] });
    expect(facets.total).toBe(0);
    expect(facets.verdicts).toEqual([
      { value: 'NG', count: 0 },
      { value: 'unsure', count: 1 },
      { value: 'none', count: 1 },
    ]);
    const byType = store.facets({ sources: ['deeppcb'], defectTypes: ['pitting'] });
    expect(byType.defectTypes.map((f) => [f.value, f.count])).toEqual([['pitting', 0]]);
    expect(byType.defectTypes[0]?.color).toBe(
      store.taxonomy().defectTypes.find((t) => t.name === 'pitting')?.color,
    );
  });

  it('agrees with the id list for every single choice', () => {
    const filters: SampleFilter[] = [
      { search: 'S1' },
      { reviewStates: ['unreviewed'], splits: ['train', 'none'] },
      { defectTypes: ['crazing'], verdicts: ['NG', 'OK'] },
      { categories: ['pcb'], reviewStates: ['error', 'unreviewed'] },
    ];
    for (const filter of filters)
      expect(store.facets(filter).total).toBe(store.sampleIds(filter, 'path').length);
  });

  it('gives the head of any list in the same order, with how many match in all', () => {
    const filters: SampleFilter[] = [
      {},
      { verdicts: ['OK', 'none'] },
      { reviewStates: ['unreviewed'] },
      { search: 'S1' },
      { defectTypes: ['crazing', 'pitting'], sources: ['neu-det', 'bsdata'] },
    ];
    for (const filter of filters)
      for (const sort of ['path', 'imported', 'source'] as const) {
        const all = store.sampleIds(filter, sort);
        expect(all.length).toBeGreaterThan(0);
        for (const limit of [1, 2, all.length, all.length + 5])
          expect(store.sampleIdsHead(filter, sort, limit)).toEqual({
            ids: all.slice(0, limit),
            total: all.length,
          });
      }
  });
});

describe('an empty project', () => {
  it('answers every query with nothing rather than failing', () => {
    const { store: empty } = temp.newProject();
    expect(empty.sampleIds({ verdicts: ['NG'], search: 'x' }, 'source')).toEqual([]);
    expect(empty.facets({ sources: ['bsdata'] })).toEqual({
      total: 0,
      projectTotal: 0,
      verdicts: [],
      defectTypes: [],
      splits: [],
      sources: [{ value: 'bsdata', count: 0 }],
      categories: [],
      reviewStates: [],
    });
    expect(empty.taxonomy()).toEqual({ domains: [], defectTypes: [] });
  });
});
