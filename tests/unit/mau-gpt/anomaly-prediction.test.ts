import { describe, expect, it } from 'vitest';
import { anomalyPrediction } from '../../../electron/core/mau-gpt';
import { geometryFor } from '../../../electron/core/inference/processing/geometry';

/** A 40×30 map at 0.1 with two hot blocks at 0.9: two regions at any pixel threshold between. */
function twoSpots() {
  const width = 40;
  const height = 30;
  const data = new Float32Array(width * height).fill(0.1);
  for (const [x0, y0] of [
    [4, 4],
    [25, 18],
  ] as const)
    for (let y = y0; y < y0 + 5; y++) for (let x = x0; x < x0 + 6; x++) data[y * width + x] = 0.9;
  return {
    map: { type: 'float32' as const, dims: [1, 1, height, width], data },
    geometry: geometryFor(width, height, { mode: 'stretch', width, height }),
  };
}

describe('the picture half of a MAU-GPT prediction', () => {
  it('lists the map’s regions on a part called NG', () => {
    const { map, geometry } = twoSpots();
    const result = anomalyPrediction('spots.png', map, 0.95, geometry, { image: 0.9, pixel: 0.5 });
    expect(result.verdict).toBe('NG');
    expect(result.regions).toHaveLength(2);
    expect(result.regions.map((r) => r.areaPx).sort()).toEqual([30, 30]);
  });

  it('lists none on a part called OK, whose answers say there is nothing to locate; the map stays', () => {
    const { map, geometry } = twoSpots();
    const result = anomalyPrediction('spots.png', map, 0.85, geometry, { image: 0.9, pixel: 0.5 });
    expect(result.verdict).toBe('OK');
    expect(result.regions).toEqual([]);
    expect(Math.max(...result.anomalyMap!.data)).toBeCloseTo(0.9, 5);
  });

  it('lists only regions that peak at the category’s regionPeak; the map keeps the faint one', () => {
    const { map, geometry } = twoSpots();
    const data = map.data;
    for (let i = 0; i < data.length; i++) if (i % 40 >= 20 && data[i]! > 0.5) data[i] = 0.7;
    const thresholds = { image: 0.9, pixel: 0.5 };
    expect(anomalyPrediction('spots.png', map, 0.95, geometry, thresholds, 0.8).regions).toHaveLength(1);
    expect(anomalyPrediction('spots.png', map, 0.95, geometry, thresholds, 0.65).regions).toHaveLength(2);
    const kept = anomalyPrediction('spots.png', map, 0.95, geometry, thresholds, 0.8);
    expect(kept.regions[0]!.score).toBeCloseTo(0.9, 5);
    expect(kept.anomalyMap!.data.filter((v) => Math.abs(v - 0.7) < 1e-6)).toHaveLength(30);
  });
});
