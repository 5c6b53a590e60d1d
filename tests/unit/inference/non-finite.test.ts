import { describe, expect, it } from 'vitest';
import { nonFiniteCount } from '../../../electron/core/inference/adapters/adapter';

describe('non-finite values in a model output', () => {
  it('counts NaN, +Inf and −Inf wherever they sit', () => {
    const map = new Float32Array(4096).map((_, i) => Math.sin(i) * 1e30);
    expect(nonFiniteCount(map)).toBe(0);
    map[0] = Number.NaN;
    map[2047] = Number.POSITIVE_INFINITY;
    map[4095] = Number.NEGATIVE_INFINITY;
    expect(nonFiniteCount(map)).toBe(3);
  });

  it('takes negative zero, huge and tiny values as finite', () => {
    expect(nonFiniteCount(Float32Array.from([-0, 3.4e38, -3.4e38, 1e-45]))).toBe(0);
  });
});
