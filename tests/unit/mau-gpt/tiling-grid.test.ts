import { describe, expect, it } from 'vitest';
import { shrinkMap } from '../../../electron/core/mau-gpt/map-shrink';
import { tileGrid, tileOrigins, tileStarts } from '../../../electron/core/mau-gpt/tile-grid';

/** How many tiles cover each position of an axis. */
function coverage(length: number, starts: number[], size: number): number[] {
  const counts = new Array<number>(length).fill(0);
  for (const start of starts) for (let i = start; i < start + size; i++) counts[i]!++;
  return counts;
}

describe('the tile grid of tiles mode', () => {
  it('steps by S − overlap and puts the last tile flush with the far edge', () => {
    // 200 px, S 64, overlap 8: stride 56 → 0, 56, 112, then 136 = 200 − 64 (not 168, which overruns)
    expect(tileStarts(200, 64, 8)).toEqual([0, 56, 112, 136]);
    expect(tileStarts(1130, 256, 32)).toEqual([0, 224, 448, 672, 874]);
    for (const [length, size, overlap] of [
      [200, 64, 8],
      [1130, 256, 32],
      [2928, 256, 0],
      [65, 64, 63],
    ] as const) {
      const starts = tileStarts(length, size, overlap);
      expect(starts.at(-1)! + size).toBe(length);
      expect(Math.min(...coverage(length, starts, size))).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < starts.length - 1; i++) expect(starts[i]! - starts[i - 1]!).toBe(size - overlap);
    }
  });

  it('adds no duplicate tile when the stride lands exactly on the edge', () => {
    // 64 + 56 = 120: the regular stride already ends flush, so there are exactly two tiles
    expect(tileStarts(120, 64, 8)).toEqual([0, 56]);
    expect(tileStarts(128, 64, 0)).toEqual([0, 64]);
  });

  it('overlaps neighbouring tiles by exactly `overlap` pixels, more only at the flush edge', () => {
    const starts = tileStarts(1000, 100, 20);
    const counts = coverage(1000, starts, 100);
    expect(counts.slice(80, 100)).toEqual(new Array(20).fill(2));
    expect(counts.slice(100, 160)).toEqual(new Array(60).fill(1));
    expect(starts.at(-1)).toBe(900);
  });

  it('uses one tile for an axis exactly S long', () => {
    expect(tileStarts(64, 64, 8)).toEqual([0]);
    expect(tileGrid(64, 64, 64, 8)).toEqual({ xStarts: [0], yStarts: [0], size: 64 });
  });

  it('leaves images smaller than S in either dimension to the resized view, as the recipe does', () => {
    expect(tileGrid(1, 1, 64, 8)).toBeNull();
    expect(tileGrid(63, 500, 64, 8)).toBeNull();
    expect(tileGrid(500, 63, 64, 8)).toBeNull();
    expect(tileStarts(1, 64, 8)).toEqual([0]);
  });

  it('lists the tiles row by row, left to right (the order the recipe sums maps in)', () => {
    const grid = tileGrid(130, 70, 64, 0)!;
    expect(tileOrigins(grid)).toEqual([
      { x0: 0, y0: 0 },
      { x0: 64, y0: 0 },
      { x0: 66, y0: 0 },
      { x0: 0, y0: 6 },
      { x0: 64, y0: 6 },
      { x0: 66, y0: 6 },
    ]);
  });

  it('refuses an overlap that would not advance the tiles', () => {
    expect(() => tileStarts(200, 64, 64)).toThrow(/overlap 64 .* below the tile size 64/);
    expect(() => tileStarts(200, 64, -1)).toThrow(/overlap -1/);
    expect(() => tileStarts(0, 64, 8)).toThrow(/length 0/);
  });
});

describe('the stored map size', () => {
  it('keeps a map that fits and shrinks a wide one to 1024 on its longest side by cell means', () => {
    const small = { width: 3, height: 2, data: new Float32Array(6) };
    expect(shrinkMap(small)).toBe(small);

    const width = 2928;
    const height = 1016;
    const data = new Float32Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) data[y * width + x] = x < width / 2 ? 1 : 0;
    const shrunk = shrinkMap({ width, height, data });
    expect(shrunk.width).toBe(1024);
    expect(shrunk.height).toBe(Math.round((height * 1024) / width));
    expect(shrunk.data.length).toBe(shrunk.width * shrunk.height);
    expect(shrunk.data[0]).toBe(1);
    expect(shrunk.data[shrunk.width - 1]).toBe(0);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(shrunk.data)).toBeCloseTo(0.5, 2);
  });

  it('averages a 4×2 map into 2×1 cells', () => {
    const map = { width: 4, height: 2, data: Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]) };
    expect(shrinkMap(map, 2)).toEqual({ width: 2, height: 1, data: Float32Array.from([2.5, 4.5]) });
  });
});
