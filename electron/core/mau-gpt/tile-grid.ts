/**
 * Where the S×S tiles of tiles mode lie, exactly as the recipe cuts them (models/recipe/evaluate.py,
 * `tile_starts` and `image_map`), because the pack's thresholds were chosen on maps cut this way.
 */

export type TileGrid = {
  /** Left edges of the tile columns, in source pixels. */
  xStarts: number[];
  /** Top edges of the tile rows, in source pixels. */
  yStarts: number[];
  size: number;
};

/**
 * Starts of S-long windows along one axis: every stride = size − overlap from 0, plus one window
 * flush with the far edge. An axis no longer than one window has the single start 0.
 */
export function tileStarts(length: number, size: number, overlap: number): number[] {
  if (!Number.isInteger(length) || length < 1)
    throw new RangeError(`tile axis length ${length} is not a positive integer`);
  if (overlap < 0 || overlap >= size)
    throw new RangeError(`tile overlap ${overlap} must be at least 0 and below the tile size ${size}`);
  if (length <= size) return [0];
  const stride = size - overlap;
  const starts: number[] = [];
  for (let start = 0; start < length - size; start += stride) starts.push(start);
  starts.push(length - size);
  return starts;
}

/**
 * The tiles covering a width×height image, or null when the image is narrower or lower than one
 * tile: the recipe then maps the whole image resized to S (the resize view) instead of tiling it.
 */
export function tileGrid(width: number, height: number, size: number, overlap: number): TileGrid | null {
  if (Math.min(width, height) < size) return null;
  return {
    xStarts: tileStarts(width, size, overlap),
    yStarts: tileStarts(height, size, overlap),
    size,
  };
}

/** Tiles in the recipe's order (row by row, left to right), which fixes the order maps are summed. */
export function tileOrigins(grid: TileGrid): { x0: number; y0: number }[] {
  return grid.yStarts.flatMap((y0) => grid.xStarts.map((x0) => ({ x0, y0 })));
}
