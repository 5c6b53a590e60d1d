import { describe, expect, it } from 'vitest';
import { recipeScript } from './python';

type Hits = { traced: number; onDefect: number; labelled: number; found: number };

/**
 * regions.py on hand-drawn maps: what the card's "traced regions on a defect" and "labelled regions
 * found" are counted from, and the regionPeak a category chooses.
 */
async function hitsOf(lines: string[]): Promise<{ count: number; labels: number[][]; hits: Hits }> {
  const { stdout } = await recipeScript([
    'import numpy as np',
    'from types import SimpleNamespace as NS',
    'from regions import map_boxes, region_counts, region_labels, region_stats',
    ...lines,
    'labels, count = region_labels(mask)',
    'stats = region_stats(mask.astype(np.float32), truth, map_boxes(sample, mask.shape), 0.5)',
    'print(json.dumps({"count": count, "labels": labels.tolist(), "hits": region_counts(stats, 0.0)}))',
  ]);
  return JSON.parse(stdout) as { count: number; labels: number[][]; hits: Hits };
}

describe('the recipe: traced regions against labelled ones (regions.py)', () => {
  it('labels 8-connected areas as the app traces them, diagonals joined', async () => {
    const { count, labels } = await hitsOf([
      'mask = np.array([[1,0,0,1],[0,1,0,1],[0,0,0,0],[1,1,0,0]], bool)',
      'truth = np.zeros_like(mask)',
      'sample = NS(width=4, height=4, regions=[])',
    ]);
    expect(count).toBe(3);
    expect(labels).toEqual([
      [1, 0, 0, 2],
      [0, 1, 0, 2],
      [0, 0, 0, 0],
      [3, 3, 0, 0],
    ]);
  });

  it('credits a blob inside a labelled box as found and on a defect; a stray blob as neither', async () => {
    // a 10×10 box labelled at (2, 2); the map marks a 2×2 blob inside it and one far away
    const { hits } = await hitsOf([
      'mask = np.zeros((20, 20), bool); mask[5:7, 5:7] = True; mask[15:17, 15:17] = True',
      'truth = np.zeros((20, 20), bool); truth[2:12, 2:12] = True',
      'box = lambda x, y, w, h: NS(bbox=(x, y, w, h))',
      'sample = NS(width=20, height=20, regions=[box(2, 2, 10, 10), box(12, 0, 3, 3)])',
    ]);
    expect(hits).toEqual({ traced: 2, onDefect: 1, labelled: 2, found: 1 });
  });

  it('scales source-pixel boxes onto a resized view’s map', async () => {
    // a 200×200 image seen at 64×64: the box at (150, 150, 20, 20) lands near (48, 48)
    const { hits } = await hitsOf([
      'mask = np.zeros((64, 64), bool); mask[50, 50] = True',
      'truth = np.zeros((64, 64), bool); truth[48:55, 48:55] = True',
      'sample = NS(width=200, height=200, regions=[NS(bbox=(150, 150, 20, 20)), NS(bbox=(0, 0, 20, 20))])',
    ]);
    expect(hits).toEqual({ traced: 1, onDefect: 1, labelled: 2, found: 1 });
  });

  it('lists only regions that peak at regionPeak, and chooses the peak by F2 on val', async () => {
    // per image: a defect blob peaking at 0.97 inside its box, and a faint speck peaking at 0.92
    const { stdout } = await recipeScript([
      'import numpy as np',
      'from types import SimpleNamespace as NS',
      'from regions import choose_region_peak, kept_pixels, map_boxes, region_counts, region_stats',
      'amap = np.zeros((20, 20), np.float32); amap[3:6, 3:6] = 0.97; amap[15:17, 15:17] = 0.92',
      'truth = np.zeros((20, 20), bool); truth[2:8, 2:8] = True',
      'sample = NS(width=20, height=20, regions=[NS(bbox=(2, 2, 6, 6))])',
      'stats = region_stats(amap, truth, map_boxes(sample, amap.shape), 0.5)',
      'print(json.dumps({"all": region_counts(stats, 0.0), "high": region_counts(stats, 0.95),',
      '  "none": region_counts(stats, None), "pixels": int(kept_pixels(stats, 0.95).sum()),',
      '  "chosen": choose_region_peak([stats] * 3), "unlabelled": choose_region_peak([{**stats, "reached": []}])}))',
    ]);
    expect(JSON.parse(stdout)).toEqual({
      all: { traced: 2, onDefect: 1, labelled: 1, found: 1 },
      high: { traced: 1, onDefect: 1, labelled: 1, found: 1 },
      none: { traced: 0, onDefect: 0, labelled: 1, found: 0 },
      pixels: 9,
      // 0.9 keeps the speck; 0.95 drops it and keeps the defect (precision 1, recall 1)
      chosen: 0.95,
      unlabelled: null,
    });
  });
});
