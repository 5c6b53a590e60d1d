import { describe, expect, it } from 'vitest';
import { topFractionMean } from '../../../electron/core/mau-gpt/image-score';

/** The obvious way, sorting everything: what the selection must agree with. */
function bySorting(values: Float32Array, fraction: number): number {
  const sorted = Float64Array.from(values).sort().reverse();
  const k = Math.max(1, Math.floor(values.length * fraction));
  return sorted.slice(0, k).reduce((a, b) => a + b, 0) / k;
}

/** Deterministic values in [0, 1): a map's worth of noise without a seeded-RNG dependency. */
function noise(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32;
  }
  return out;
}

describe('topFractionMean: the mean of a map’s highest fraction of pixels', () => {
  it.each([0, 1e-4, 1e-3, 1e-2, 0.5, 1])('equals sorting on noise, fraction %s', (fraction) => {
    const values = noise(100_003, 7);
    expect(topFractionMean(values, fraction)).toBeCloseTo(bySorting(values, fraction), 12);
  });

  it('stays exact and linear on maps that are mostly one value, as clean backgrounds are', () => {
    const flat = new Float32Array(1 << 20).fill(0.125);
    flat.set([0.9, 0.8, 0.8, 0.7], 4096);
    expect(topFractionMean(flat, 0)).toBeCloseTo(0.9, 6);
    expect(topFractionMean(flat, 3 / flat.length)).toBeCloseTo((0.9 + 0.8 + 0.8) / 3, 6);
    expect(topFractionMean(flat, 1e-3)).toBeCloseTo(bySorting(flat, 1e-3), 12);
    const quantised = noise(50_000, 3).map((v) => Math.round(v * 4) / 4);
    expect(topFractionMean(quantised, 0.3)).toBeCloseTo(bySorting(quantised, 0.3), 12);
  });

  it('leaves the map it reads untouched', () => {
    const values = noise(1000, 11);
    const copy = Float32Array.from(values);
    topFractionMean(values, 0.1);
    expect(values).toEqual(copy);
  });
});
