import { describe, expect, it } from 'vitest';
import {
  emptyHistograms,
  histogramAupro,
  histogramAuroc,
} from '../../../electron/core/evaluation/metrics/pixel-histograms';
import { auroc } from '../../../electron/core/evaluation/metrics/ranking';
import { mapContribution } from '../../../electron/core/evaluation/pixel/map-contribution';
import { resampleBilinear } from '../../../electron/core/evaluation/pixel/heatmap-levels';
import { truthMask } from '../../../electron/core/evaluation/pixel/truth-mask';

/**
 * A 13×1 strip: region A = pixels 0–1, a normal pixel, region B = pixel 3, then 9 normal pixels
 * (10 normal pixels in all). Hand computation of the PRO curve, threshold falling:
 *   ≥250: FPR 0,   PRO (½ + 0)/2 = .25     ≥200: FPR .1, PRO .25
 *   ≥150: FPR .1,  PRO (½ + 1)/2 = .75     ≥120: FPR .2, PRO .75
 *   ≥100: FPR .2,  PRO 1                   ≥90:  FPR .3, PRO 1
 * Area to FPR .3: .1·.25 + .1·.75 + .1·1 = .2, normalised by .3 → 2/3.
 * Pixel AUROC: NG pixels 250, 150, 100 beat 10, 9 and 8 of the 10 normal ones → 27/30.
 */
const TRUTH = Uint8Array.from([1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const MAP = Uint8Array.from([250, 100, 200, 150, 120, 90, 80, 10, 10, 10, 10, 10, 10]);

describe('pixel AUROC and AUPRO from histograms', () => {
  it('match the hand computation on a strip with two regions', () => {
    const h = mapContribution(MAP, TRUTH, 13, 1);
    expect(h.regions).toBe(2);
    expect(histogramAuroc(h)).toBeCloseTo(0.9, 12);
    expect(histogramAupro(h)).toBeCloseTo(2 / 3, 12);
  });

  it('give the same AUROC as ranking every pixel, ties included', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const size = 32;
    const map = Uint8Array.from({ length: size * size }, () => Math.floor(random() * 256));
    const truth = Uint8Array.from({ length: size * size }, (_, i) => (i % size < 8 && i < 300 ? 1 : 0));
    for (let i = 0; i < map.length; i++) if (truth[i]) map[i] = Math.min(255, map[i]! + 60);
    const ranked = auroc(Array.from(map, (v, i) => ({ score: v, positive: truth[i] === 1 })));
    expect(histogramAuroc(mapContribution(map, truth, size, size))).toBeCloseTo(ranked!, 12);
  });

  it('perfect maps score 1, and a map without regions has no AUPRO', () => {
    const perfect = mapContribution(Uint8Array.from([255, 0, 0, 0]), Uint8Array.from([1, 0, 0, 0]), 2, 2);
    expect(histogramAuroc(perfect)).toBe(1);
    expect(histogramAupro(perfect)).toBe(1);
    expect(histogramAupro(emptyHistograms())).toBeNull();
    const okOnly = mapContribution(Uint8Array.from([5, 9, 0, 0]), new Uint8Array(4), 2, 2);
    expect(okOnly.regions).toBe(0);
    expect(histogramAuroc(okOnly)).toBeNull();
  });
});

describe('ground truth and heat maps on the evaluation grid', () => {
  it('rasterises a box by grid-pixel centres and keeps a hairline region as one pixel', () => {
    const mask = truthMask([{ kind: 'box', x: 0, y: 0, w: 50, h: 50 }], 100, 100, 10);
    expect(mask.reduce((s, v) => s + v, 0)).toBe(25);
    const tiny = truthMask([{ kind: 'box', x: 61, y: 12, w: 1, h: 1 }], 100, 100, 10);
    expect([...tiny.keys()].filter((i) => tiny[i])).toEqual([1 * 10 + 6]);
  });

  it('samples a cropped mask shape at grid centres', () => {
    // a 4×4 mask at (4,4) of an 8×8 image, all set: the lower-right quarter of a 4×4 grid
    const mask = truthMask([{ kind: 'mask', x: 4, y: 4, w: 4, h: 4, rle: [0, 16] }], 8, 8, 4);
    expect(Array.from(mask)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('resamples a map bilinearly at grid centres', () => {
    expect(Array.from(resampleBilinear(Uint8Array.from([0, 100, 200, 255]), 2, 2, 2))).toEqual([
      0, 100, 200, 255,
    ]);
    expect(Array.from(resampleBilinear(Uint8Array.from([0, 200]), 2, 1, 1))).toEqual([100]);
    expect(Array.from(resampleBilinear(Uint8Array.from([40]), 1, 1, 3))).toEqual(new Array(9).fill(40));
  });
});
