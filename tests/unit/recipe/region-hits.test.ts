import { describe, expect, it } from 'vitest';
import { recipeScript } from './python';

type Hits = { traced: number; onDefect: number; labelled: number; found: number };

/**
 * evaluate_pack.region_labels / region_hits on a hand-drawn map: what the card's "traced regions
 * on a defect" and "labelled regions found" are counted from.
 */
async function hitsOf(lines: string[]): Promise<{ count: number; labels: number[][]; hits: Hits }> {
  const { stdout } = await recipeScript([
    'import numpy as np',
    'from types import SimpleNamespace as NS',
    'from evaluate_pack import region_hits, region_labels',
    ...lines,
    'labels, count = region_labels(mask)',
    'print(json.dumps({"count": count, "labels": labels.tolist(), "hits": region_hits(sample, labels, count, truth)}))',
  ]);
  return JSON.parse(stdout) as { count: number; labels: number[][]; hits: Hits };
}

describe('the recipe: traced regions against labelled ones (evaluate_pack.region_hits)', () => {
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
});
