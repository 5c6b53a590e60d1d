import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SampleFilter, Split, Verdict } from '../../../electron/contract/domain';
import type { ProjectStore } from '../../../electron/core/store';
import { sampleInput, tempProjects } from './helpers';

const temp = tempProjects('all');
// 100k rows take ~10 s to write on an idle machine; the bench (grid-100k) covers the full size, the
// default here keeps `npm test` fast while still exercising the indexed query paths.
const N = Number(process.env.MAU_SCALE_ROWS ?? 20_000);
const SOURCES = ['bsdata', 'deeppcb', 'mvtec', 'neu-det'];
const SPLITS: (Split | null)[] = ['train', 'val', 'test', null];
const VERDICTS: (Verdict | null)[] = ['OK', 'NG', 'NG', 'unsure', null];

/** The synthetic image number i, described the way the assertions need it. */
function synthetic(i: number) {
  const source = SOURCES[i % 4]!;
  const category = `${source}-part-${i % 3}`;
  const relPath = `${source}/${category}/IMG_${String(i).padStart(6, '0')}.png`;
  const verdict = VERDICTS[i % 5]!;
  const type = verdict === 'NG' ? `defect-${i % 12}` : null;
  return {
    i,
    source,
    category,
    relPath,
    verdict,
    type,
    split: SPLITS[Math.floor(i / 4) % 4]!,
    error: i % 1000 === 7,
  };
}
type Synthetic = ReturnType<typeof synthetic>;

let store: ProjectStore;
let images: string;
let all: Synthetic[];
/** `all` in the order SQLite sorts absolute paths (byte order; these paths are ASCII). */
let byPath: Synthetic[];
const idOf = new Map<string, number>();

function time<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  console.log(`[store 100k] ${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

beforeAll(() => {
  ({ store, images } = temp.newProject('Scale'));
  all = Array.from({ length: N }, (_, i) => synthetic(i));
  byPath = [...all].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  time(`import ${N} samples in one transaction`, () =>
    store.transaction(() => {
      for (const s of all) {
        const file = path.join(images, s.relPath);
        const id = s.error
          ? store.recordSampleError(
              { path: file, relPath: s.relPath, source: s.source, category: s.category, split: s.split },
              'unreadable',
            ).id
          : store.upsertImportedSample(
              sampleInput(file, {
                relPath: s.relPath,
                source: s.source,
                category: s.category,
                split: s.split,
                verdict: s.verdict,
                regions: s.type
                  ? [{ defectType: s.type, shape: { kind: 'box', x: s.i % 500, y: 10, w: 20, h: 20 } }]
                  : [],
              }),
            ).id;
        idOf.set(s.relPath, id);
      }
    }),
  );
}, 300_000);

/** What the filter should select, computed the slow obvious way, in path order. */
function expected(filter: SampleFilter): number[] {
  return byPath
    .filter((s) => {
      const verdict = s.error ? null : s.verdict;
      const state = s.error ? 'error' : 'unreviewed';
      if (filter.verdicts?.length && !filter.verdicts.includes(verdict ?? 'none')) return false;
      if (filter.splits?.length && !filter.splits.includes(s.split ?? 'none')) return false;
      if (filter.sources?.length && !filter.sources.includes(s.source)) return false;
      if (filter.categories?.length && !filter.categories.includes(s.category)) return false;
      if (filter.reviewStates?.length && !filter.reviewStates.includes(state)) return false;
      if (filter.defectTypes?.length && (s.error || !s.type || !filter.defectTypes.includes(s.type)))
        return false;
      if (filter.search && !s.relPath.toLowerCase().includes(filter.search.toLowerCase())) return false;
      return true;
    })
    .map((s) => idOf.get(s.relPath)!);
}

describe('a project with 100,000 images', () => {
  it('lists, filters and searches every image correctly', () => {
    const everything = time('sampleIds, no filter, by path', () => store.sampleIds({}, 'path'));
    expect(everything).toHaveLength(N);
    expect(everything).toEqual(expected({}));
    expect(time('sampleIds, by import order', () => store.sampleIds({}, 'imported'))).toEqual(
      all.map((s) => idOf.get(s.relPath)),
    );
    const filters: [string, SampleFilter][] = [
      ['NG in two sources', { verdicts: ['NG'], sources: ['bsdata', 'mvtec'] }],
      ['one defect type', { defectTypes: ['defect-5'] }],
      [
        'types x split x category',
        { defectTypes: ['defect-1', 'defect-7'], splits: ['test', 'none'], categories: ['mvtec-part-1'] },
      ],
      ['errors', { reviewStates: ['error'] }],
      ['unlabelled, unsplit', { verdicts: ['none'], splits: ['none'] }],
      ['search', { search: 'img_0421' }],
    ];
    for (const [label, filter] of filters) {
      const ids = time(`sampleIds, ${label}`, () => store.sampleIds(filter, 'path'));
      expect(ids, label).toEqual(expected(filter));
    }
  });

  it('shows a page of the grid', () => {
    const ids = store.sampleIds({ sources: ['neu-det'] }, 'source').slice(20_000, 21_000);
    const page = time('samplePage, 1000 ids', () => store.samplePage(ids));
    expect(page.map((s) => s.id)).toEqual(ids);
    for (const summary of page) {
      const s = synthetic(all.findIndex((x) => x.relPath === summary.relPath));
      expect(summary.source).toBe('neu-det');
      expect(summary.defectTypes).toEqual(s.type && !s.error ? [s.type] : []);
      expect(summary.regionCount).toBe(s.type && !s.error ? 1 : 0);
    }
    const detail = time('sampleDetail', () => store.sampleDetail(ids[0]!));
    expect(detail?.relPath).toBe(page[0]?.relPath);
  });

  it('counts the filter panel', () => {
    const unfiltered = time('facets, no filter', () => store.facets({}));
    expect(unfiltered.total).toBe(N);
    expect(unfiltered.projectTotal).toBe(N);
    const errors = N / 1000;
    expect(unfiltered.reviewStates).toEqual([
      { value: 'unreviewed', count: N - errors },
      { value: 'error', count: errors },
    ]);
    expect(unfiltered.sources.map((f) => f.count)).toEqual([N / 4, N / 4, N / 4, N / 4]);
    const ng = expected({ verdicts: ['NG'] }).length;
    expect(unfiltered.defectTypes.reduce((sum, f) => sum + f.count, 0)).toBe(ng);

    const filter: SampleFilter = { verdicts: ['NG'], sources: ['bsdata'], search: 'part-2' };
    const filtered = time('facets, NG in one source with search', () => store.facets(filter));
    expect(filtered.total).toBe(expected(filter).length);
    for (const facet of filtered.sources) {
      expect(facet.count).toBe(expected({ ...filter, sources: [facet.value] }).length);
    }
    for (const facet of filtered.verdicts) {
      expect(facet.count).toBe(expected({ ...filter, verdicts: [facet.value as Verdict] }).length);
    }
    for (const facet of filtered.defectTypes) {
      expect(facet.count).toBe(expected({ ...filter, defectTypes: [facet.value] }).length);
    }
    time('facets, one defect type', () => store.facets({ defectTypes: ['defect-3'] }));
  });
});
