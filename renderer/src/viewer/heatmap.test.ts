import { describe, expect, it } from 'vitest';
import { applyThreshold } from './heatmap';

describe('heatmap threshold', () => {
  it('shows pixels whose value reaches the threshold, opaque, and hides the rest', () => {
    const source = Uint8ClampedArray.from([10, 20, 30, 0, 40, 50, 60, 128, 70, 80, 90, 255]);
    const out = new Uint8ClampedArray(source.length);
    applyThreshold(source, out, 0.5);
    expect([...out]).toEqual([10, 20, 30, 0, 40, 50, 60, 255, 70, 80, 90, 255]);
    applyThreshold(source, out, 0);
    expect([out[3], out[7], out[11]]).toEqual([255, 255, 255]);
  });
});
