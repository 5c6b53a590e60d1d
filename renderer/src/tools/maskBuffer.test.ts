import { describe, expect, it } from 'vitest';
import { MaskBuffer, TILE } from './maskBuffer';

describe('mask working buffer', () => {
  it('starts empty and keeps tiles only where the brush went', () => {
    const buffer = new MaskBuffer({ width: 5000, height: 4000 });
    expect(buffer.extent).toBeNull();
    buffer.stroke([2500, 2000], [2500, 2000], 2, 1);
    expect(buffer.extent!.w * buffer.extent!.h).toBeLessThan(10 * 10);
    expect(buffer.tile(Math.floor(2500 / TILE), Math.floor(2000 / TILE))).toBeDefined();
    expect(buffer.tile(0, 0)).toBeUndefined();
    buffer.stroke([2500, 2000], [2900, 2000], 2, 1);
    expect(buffer.extent!.x + buffer.extent!.w).toBeGreaterThan(2900);
    expect(buffer.toShape()).toMatchObject({ x: 2498, y: 1998, w: 404, h: 4 });
  });

  it('keeps earlier pixels when a stroke reaches new tiles', () => {
    const buffer = MaskBuffer.from(
      { kind: 'mask', x: 100, y: 100, w: 1, h: 1, rle: [0, 1] },
      { width: 1000, height: 1000 },
    );
    buffer.stroke([500.5, 500.5], [500.5, 500.5], 0.5, 1);
    const shape = buffer.toShape();
    expect(shape).toMatchObject({ x: 100, y: 100, w: 401, h: 401 });
    expect(shape?.rle).toEqual([0, 1, 401 * 401 - 2, 1]);
  });

  it('paints across tile borders without a seam and erases without making tiles', () => {
    const buffer = new MaskBuffer({ width: 1000, height: 1000 });
    buffer.stroke([TILE - 10, 100.5], [TILE + 10, 100.5], 0.5, 1);
    for (let x = TILE - 10; x < TILE + 10; x++) expect(buffer.get(x, 100)).toBe(1);
    buffer.stroke([800, 800], [900, 900], 5, 0);
    expect(buffer.tile(Math.floor(850 / TILE), Math.floor(850 / TILE))).toBeUndefined();
    buffer.stroke([TILE - 10, 100.5], [TILE + 10, 100.5], 2, 0);
    expect(buffer.toShape()).toBeNull();
  });

  it('paints a 20 MP image’s strokes in well under 8 ms each (p95; the machine may be busy)', () => {
    const buffer = new MaskBuffer({ width: 5472, height: 3648 });
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      buffer.stroke([100 + i * 17, 1000 + i * 8], [117 + i * 17, 1008 + i * 8], 24, 1);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[150]).toBeLessThan(2);
    // A stroke never copies what was painted before, so the tail stays short as the stroke grows.
    expect(times[Math.floor(times.length * 0.95)]).toBeLessThan(8);
  });
});
