import { describe, expect, it } from 'vitest';
import { fit, frameRect, toImage, wheelFactor, zoomAt } from './camera';

describe('the image camera', () => {
  it('fits a wide image into the view, centred', () => {
    const cam = fit({ width: 1000, height: 800 }, { width: 2000, height: 400 });
    expect(cam.scale).toBeCloseTo((1000 - 32) / 2000);
    expect(cam.y + 200 * cam.scale).toBeCloseTo(400);
  });

  it('keeps the pixel under the cursor in place while zooming', () => {
    const start = { scale: 0.5, x: 10, y: 20 };
    const before = toImage(start, 300, 200);
    const after = toImage(zoomAt(start, 3, 300, 200), 300, 200);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
  });

  it('frames a small region no closer than the cap', () => {
    const cam = frameRect({ width: 800, height: 600 }, { x: 100, y: 100, w: 2, h: 2 }, 48, 16);
    expect(cam.scale).toBe(16);
    expect(toImage(cam, 400, 300)).toEqual([101, 101]);
  });

  it('turns a wheel notch up into zooming in, down into zooming out', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(3, 1)).toBeLessThan(1);
  });
});
