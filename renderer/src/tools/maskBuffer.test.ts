import { describe, expect, it } from 'vitest';
import { MaskBuffer } from './maskBuffer';

describe('mask working buffer', () => {
  it('starts empty and grows only around what is painted', () => {
    const buffer = new MaskBuffer({ width: 5000, height: 4000 });
    buffer.stroke([2500, 2000], [2500, 2000], 2, 1);
    expect(buffer.w * buffer.h).toBeLessThan(200 * 200);
    buffer.stroke([2500, 2000], [2900, 2000], 2, 1);
    expect(buffer.x + buffer.w).toBeGreaterThan(2900);
    expect(buffer.toShape()).toMatchObject({ x: 2498, y: 1998, w: 404, h: 4 });
  });

  it('keeps earlier pixels when it grows', () => {
    const buffer = MaskBuffer.from(
      { kind: 'mask', x: 100, y: 100, w: 1, h: 1, rle: [0, 1] },
      { width: 1000, height: 1000 },
    );
    buffer.stroke([500.5, 500.5], [500.5, 500.5], 0.5, 1);
    const shape = buffer.toShape();
    expect(shape).toMatchObject({ x: 100, y: 100, w: 401, h: 401 });
    expect(shape?.rle).toEqual([0, 1, 401 * 401 - 2, 1]);
  });

  it('paints a 20 MP image’s strokes in well under 8 ms each (median; the machine may be busy)', () => {
    const buffer = new MaskBuffer({ width: 5472, height: 3648 });
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      buffer.stroke([1000 + i * 10, 1000 + i * 5], [1010 + i * 10, 1005 + i * 5], 24, 1);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[100]).toBeLessThan(8);
  });
});
