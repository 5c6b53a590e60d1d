import { describe, expect, it } from 'vitest';
import type { Point } from '../../../electron/contract/geometry';
import { labelComponents } from '../../../electron/core/inference/processing/components';
import { geometryFor } from '../../../electron/core/inference/processing/geometry';
import { cropPlane, placeMap } from '../../../electron/core/inference/processing/map-placement';
import { regionsFromMask, type MapPlacement } from '../../../electron/core/inference/processing/regions';

/** '#' is foreground; rows of equal length. */
function mask(...rows: string[]): { data: Uint8Array; width: number; height: number } {
  const width = rows[0]!.length;
  const data = Uint8Array.from(rows.join(''), (ch) => (ch === '#' ? 1 : 0));
  return { data, width, height: rows.length };
}

const identity: MapPlacement = { toSource: (u, v) => [u, v], pixelArea: 1 };

function regions(m: ReturnType<typeof mask>, place = identity, options = {}, values?: Float32Array) {
  return regionsFromMask(m.data, values ?? Float32Array.from(m.data), m.width, m.height, place, options);
}

function polygonOf(region: ReturnType<typeof regions>[number]): Point[] {
  expect(region.shape.kind).toBe('polygon');
  return region.shape.kind === 'polygon' ? region.shape.points : [];
}

function shoelace(points: Point[]): number {
  let sum = 0;
  points.forEach(([x, y], i) => {
    const [nx, ny] = points[(i + 1) % points.length]!;
    sum += x * ny - nx * y;
  });
  return Math.abs(sum) / 2;
}

describe('region extraction from an anomaly mask', () => {
  it('outlines a lone pixel as the unit square around it', () => {
    const found = regions(mask('.....', '..#..', '.....'));
    expect(found).toHaveLength(1);
    expect(polygonOf(found[0]!)).toEqual([
      [2, 1],
      [3, 1],
      [3, 2],
      [2, 2],
    ]);
    expect(found[0]!.areaPx).toBe(1);
  });

  it('traces an L shape corner by corner, clockwise from its top-left', () => {
    const found = regions(mask('#...', '#...', '###.', '....'));
    expect(polygonOf(found[0]!)).toEqual([
      [0, 0],
      [1, 0],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
    ]);
    expect(found[0]!.areaPx).toBe(5);
    expect(shoelace(polygonOf(found[0]!))).toBe(5);
  });

  it('joins pixels that touch only at a corner (8-connectivity)', () => {
    const found = regions(mask('#..', '.#.', '..#'));
    expect(found).toHaveLength(1);
    expect(found[0]!.areaPx).toBe(3);
    expect(shoelace(polygonOf(found[0]!))).toBe(3);
  });

  it('keeps only the outer outline of a ring, counting only its own pixels as area', () => {
    const found = regions(mask('#####', '#...#', '#####'));
    expect(found).toHaveLength(1);
    expect(found[0]!.areaPx).toBe(12);
    expect(polygonOf(found[0]!)).toEqual([
      [0, 0],
      [5, 0],
      [5, 3],
      [0, 3],
    ]);
  });

  it('separates blobs, scores each by the peak of the map inside, highest first', () => {
    const m = mask('##....', '##..#.', '....##');
    const values = new Float32Array(m.data.length);
    values[0] = 0.6;
    values[1] = 0.9;
    values[2 * 6 + 5] = 0.95;
    values[1 * 6 + 4] = 0.7;
    const found = regions(m, identity, {}, values);
    expect(found.map((r) => r.score)).toEqual([values[17], values[1]]);
    expect(found.map((r) => r.areaPx)).toEqual([3, 4]);
  });

  it('maps outlines and areas into source pixels and drops regions below the minimum area', () => {
    const scaled: MapPlacement = { toSource: (u, v) => [u * 2, v * 3], pixelArea: 6 };
    const m = mask('#...', '....', '..##');
    const found = regions(m, scaled, { minAreaPx: 7 });
    expect(found).toHaveLength(1);
    expect(found[0]!.areaPx).toBe(12);
    expect(polygonOf(found[0]!)).toEqual([
      [4, 6],
      [8, 6],
      [8, 9],
      [4, 9],
    ]);
  });

  it('simplifies the stair steps of a diagonal band but keeps its area', () => {
    const rows = Array.from({ length: 20 }, (_, y) =>
      Array.from({ length: 24 }, (_, x) => (x >= y && x < y + 4 ? '#' : '.')).join(''),
    );
    const exact = regions(mask(...rows));
    const simple = regions(mask(...rows), identity, { simplifyTolerance: 0.75 });
    const before = polygonOf(exact[0]!);
    const after = polygonOf(simple[0]!);
    expect(before.length).toBeGreaterThan(40);
    expect(after.length).toBeLessThanOrEqual(6);
    expect(Math.abs(shoelace(after) - 80) / 80).toBeLessThan(0.1);
  });

  it('caps the number of regions', () => {
    const found = regions(mask('#.#.#.#'), identity, { maxRegions: 2 });
    expect(found).toHaveLength(2);
  });
});

describe('connected components', () => {
  /** Flood fill, the obvious way: the oracle the union-find labelling must agree with. */
  function floodAreas(data: Uint8Array, width: number, height: number): number[] {
    const seen = new Uint8Array(data.length);
    const areas: number[] = [];
    for (let start = 0; start < data.length; start++) {
      if (!data[start] || seen[start]) continue;
      let area = 0;
      const stack = [start];
      seen[start] = 1;
      while (stack.length) {
        const i = stack.pop()!;
        area++;
        const x = i % width;
        const y = (i - x) / width;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            const j = ny * width + nx;
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && data[j] && !seen[j]) {
              seen[j] = 1;
              stack.push(j);
            }
          }
        }
      }
      areas.push(area);
    }
    return areas;
  }

  it('agrees with a flood fill on random masks, and every outline encloses its pixels', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 30; trial++) {
      const width = 8 + (trial % 13);
      const height = 5 + (trial % 7);
      const density = 0.2 + (trial % 5) * 0.1;
      const data = Uint8Array.from({ length: width * height }, () => (random() < density ? 1 : 0));
      const { components } = labelComponents(data, width, height);
      expect(components.map((c) => c.area)).toEqual(floodAreas(data, width, height));
      const found = regionsFromMask(data, data, width, height, identity);
      for (const region of found) {
        const points = polygonOf(region);
        // an outer outline holds at least the component's pixels (more only around holes)
        expect(shoelace(points)).toBeGreaterThanOrEqual(region.areaPx);
        for (const [x, y] of points) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(width);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(height);
        }
      }
    }
  });
});

describe('placing a map on the source image', () => {
  it('crops letterbox borders and maps map corners to source pixels', () => {
    // 200×100 letterboxed into 64×64: scaled to 64×32, 16 rows of border above and below
    const g = geometryFor(200, 100, { mode: 'letterbox', width: 64, height: 64 });
    expect([g.newWidth, g.newHeight, g.padX, g.padY]).toEqual([64, 32, 0, 16]);
    const { crop, place } = placeMap(64, 64, g);
    expect(crop).toEqual({ x0: 0, y0: 16, width: 64, height: 32 });
    expect(place.toSource(10, 4)).toEqual([31.25, 12.5]);
    expect(place.pixelArea).toBeCloseTo(1 / (0.32 * 0.32), 10);
    const map = new Float32Array(64 * 64).map((_, i) => i);
    const cropped = cropPlane(map, 64, crop);
    expect(cropped[0]).toBe(16 * 64);
    expect(cropped.length).toBe(64 * 32);
  });

  it('handles maps coarser than the model input', () => {
    const g = geometryFor(300, 150, { mode: 'stretch', width: 128, height: 128 });
    const { crop, place } = placeMap(32, 32, g);
    expect(crop).toEqual({ x0: 0, y0: 0, width: 32, height: 32 });
    expect(place.toSource(32, 32)).toEqual([300, 150]);
    expect(place.pixelArea).toBeCloseTo((300 / 32) * (150 / 32), 9);
  });
});
