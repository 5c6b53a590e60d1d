import type { InferenceSession } from 'onnxruntime-node';
import { messageOf, packError } from '../inference/errors';
import type { Ort } from '../inference/session/ort';
import type { TensorData } from '../inference/session/tensor-data';
import { tileOrigins, type TileGrid } from './tile-grid';

/** Tiles per vision-encoder run when the graph's batch axis is dynamic; bounds activation memory. */
export const MAX_TILE_BATCH = 8;

export type TiledMap = {
  /** float32 [1, 1, H, W]: the source image's own pixel grid. */
  map: TensorData;
  /** The highest tile score (the recipe's image score in tiles mode). */
  score: number;
  tiles: number;
  runs: number;
};

type Normalise = { mean: readonly number[]; std: readonly number[] };
export type TileBlend = { overlap: number; blend: 'mean' | 'feather' };

/**
 * Per-pixel weights of a tile's map along one axis (the 2-D weight is the product of two), as
 * models/recipe/evaluate.py `tile_weights`: 1 everywhere for 'mean'; for 'feather' rising
 * linearly over the overlap from each edge, so a tile hands over to its neighbour gradually
 * instead of leaving a seam where two tiles disagree.
 */
export function tileRamp(size: number, { overlap, blend }: TileBlend): Float32Array {
  const ramp = new Float32Array(size).fill(1);
  if (blend === 'mean' || overlap === 0) return ramp;
  for (let i = 0; i < size; i++) ramp[i] = Math.min(1, (Math.min(i, size - 1 - i) + 1) / (overlap + 1));
  return ramp;
}

/**
 * 256-entry tables per channel computed in float32 step by step, as the recipe's
 * `(x / 255 − mean) / std` on float32 tensors does, so a tile's input matches it bit for bit.
 */
function tables({ mean, std }: Normalise): Float32Array[] {
  const f = Math.fround;
  return [0, 1, 2].map((c) => {
    const table = new Float32Array(256);
    for (let v = 0; v < 256; v++) table[v] = f(f(f(v / 255) - f(mean[c]!)) / f(std[c]!));
    return table;
  });
}

/** Copies S×S crops of an interleaved 8-bit image (1 or 3+ channels) into an NCHW float batch. */
function tileBatch(
  image: TensorData,
  origins: { x0: number; y0: number }[],
  size: number,
  t: Float32Array[],
) {
  const [, width, channels] = image.dims as [number, number, number];
  const pixels = image.data as Uint8Array;
  const order = channels < 3 ? [0, 0, 0] : [0, 1, 2];
  const plane = size * size;
  const out = new Float32Array(origins.length * 3 * plane);
  origins.forEach(({ x0, y0 }, b) => {
    for (let c = 0; c < 3; c++) {
      const table = t[c]!;
      const base = (b * 3 + c) * plane;
      for (let y = 0; y < size; y++) {
        let p = ((y0 + y) * width + x0) * channels + order[c]!;
        const row = base + y * size;
        for (let x = 0; x < size; x++, p += channels) out[row + x] = table[pixels[p]!]!;
      }
    }
  });
  return out;
}

/**
 * The tiles-mode anomaly map: every tile of the grid through the vision encoder at full resolution,
 * overlapping map pixels averaged (evenly or feathered, `tiling`), image score the highest tile
 * score (models/recipe/evaluate.py).
 * `image` is the decoded source, uint8 [H, W, C]; tiles go `batch` at a time.
 */
export async function runTiledMap(
  ort: Ort,
  vision: InferenceSession,
  label: string,
  image: TensorData,
  grid: TileGrid,
  normalise: Normalise,
  tiling: TileBlend,
  batch: number,
): Promise<TiledMap> {
  const [height, width] = image.dims as [number, number, number];
  const { size } = grid;
  const t = tables(normalise);
  const ramp = tileRamp(size, tiling);
  const total = new Float32Array(width * height);
  const weight = new Float32Array(width * height);
  const origins = tileOrigins(grid);
  let best = 0;
  let runs = 0;
  for (let first = 0; first < origins.length; first += batch) {
    const group = origins.slice(first, first + batch);
    const feed = new ort.Tensor('float32', tileBatch(image, group, size, t), [group.length, 3, size, size]);
    const out = await vision.run({ pixel_values: feed }).catch((error: unknown) => {
      throw packError(
        label,
        `vision encoder run on ${group.length} tile(s) failed: ${messageOf(error)}`,
        'INTERNAL',
      );
    });
    runs++;
    const map = out.anomaly_map;
    const scores = out.anomaly_score?.data as Float32Array | undefined;
    const want = group.length * size * size;
    if (!map || map.data.length !== want || !scores || scores.length !== group.length) {
      throw packError(
        label,
        `vision encoder: a batch of ${group.length} ${size}×${size} tiles gave anomaly_map [${map?.dims.join(', ')}] and anomaly_score [${out.anomaly_score?.dims.join(', ')}]`,
        'INVALID_INPUT',
      );
    }
    const values = map.data as Float32Array;
    group.forEach(({ x0, y0 }, b) => {
      for (let y = 0; y < size; y++) {
        const from = (b * size + y) * size;
        const to = (y0 + y) * width + x0;
        const wy = ramp[y]!;
        for (let x = 0; x < size; x++) {
          // float32 products and sums, in the recipe's order, so the map matches it to rounding
          const w = Math.fround(wy * ramp[x]!);
          total[to + x] = total[to + x]! + Math.fround(values[from + x]! * w);
          weight[to + x] = weight[to + x]! + w;
        }
      }
      const score = scores[b]!;
      if (!Number.isFinite(score))
        throw packError(label, `vision encoder: tile score ${score} is not finite`, 'INVALID_INPUT');
      best = Math.max(best, score);
    });
  }
  // the grid covers every pixel (the last tile is flush with each edge) and weights are > 0
  for (let i = 0; i < total.length; i++) total[i] = total[i]! / weight[i]!;
  return {
    map: { type: 'float32', dims: [1, 1, height, width], data: total },
    score: best,
    tiles: origins.length,
    runs,
  };
}
