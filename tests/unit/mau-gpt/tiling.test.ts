import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sha256File } from '../../../electron/core/inference/pack/hash';
import { loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { answerAllLevels } from '../../../electron/core/mau-gpt/answer-levels';
import { topFractionMean } from '../../../electron/core/mau-gpt/image-score';
import { tileGrid } from '../../../electron/core/mau-gpt/tile-grid';
import { tileRamp } from '../../../electron/core/mau-gpt/tiled-map';
import { sharedData } from '../../helpers/paths';
import { copyOfTiny, editManifest, TINY, TINY_REFERENCE } from './helpers';

// The reference is the recipe's own evaluate.image_map in PyTorch, written by
// models/recipe/tile_reference.py from the tiny pack's checkpoint.pt (see its docstring).
const TilesReference = z.object({
  imageSize: z.number().int().positive(),
  tiling: z.object({
    mode: z.literal('tiles'),
    overlap: z.number().int().nonnegative(),
    blend: z.enum(['mean', 'feather']),
  }),
  sources: z.object({ checkpoint: z.string(), visionEncoder: z.string() }),
  cases: z
    .array(
      z.object({
        name: z.string(),
        image: z.string(),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        xStarts: z.array(z.number().int()),
        yStarts: z.array(z.number().int()),
        score: z.number(),
        /** [fraction, evaluate.top_fraction_mean of the full map] */
        topFractions: z.array(z.tuple([z.number(), z.number()])).min(1),
        map: z.object({
          file: z.string(),
          stride: z.number().int().positive(),
          dims: z.tuple([z.number().int(), z.number().int()]),
          fullDims: z.tuple([z.number().int(), z.number().int()]),
        }),
      }),
    )
    .min(1),
});
type TilesReference = z.infer<typeof TilesReference>;

/** Float32 rounding through 16 and 189 tile sums; a wrong crop or average is off by far more. */
const MAP_TOLERANCE = 1e-4;
const SCORE_TOLERANCE = 1e-5;
const REGENERATE = 'rerun OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 models/recipe/tile_reference.py';

async function readReference(): Promise<TilesReference> {
  const path = join(TINY_REFERENCE, 'tiles.json');
  const parsed = TilesReference.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data;
}

async function readMap(file: string, dims: [number, number]): Promise<Float32Array> {
  const bytes = await readFile(join(TINY_REFERENCE, file));
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (values.length !== dims[0] * dims[1])
    throw new Error(`${file}: ${values.length} values, dims ${dims.join('x')} need ${dims[0] * dims[1]}`);
  return values;
}

describe('tiles mode in the MAU-GPT runtime', () => {
  let reference: TilesReference;
  let runtime: MauGptRuntime;

  beforeAll(async () => {
    reference = await readReference();
    const current = {
      checkpoint: await sha256File(join(TINY, 'checkpoint.pt')),
      visionEncoder: await sha256File(join(TINY, 'vision_encoder.onnx')),
    };
    if (JSON.stringify(current) !== JSON.stringify(reference.sources))
      throw new Error(`${join(TINY_REFERENCE, 'tiles.json')} was made from another tiny pack; ${REGENERATE}`);
    const dir = await copyOfTiny();
    await editManifest(dir, (m) => {
      m.options.vision!.tiling = reference.tiling;
      m.options.categoryThresholds = { ball_screw: { image: 0.5, imageTopFraction: 0.001 } };
    });
    runtime = await MauGptRuntime.open(await loadMauGptPack(dir), {
      providers: ['cpu'],
      intraOpNumThreads: 1,
    });
  }, 60_000);
  afterAll(() => runtime?.close());

  it('cuts the same tile grid as the recipe', () => {
    const { imageSize, tiling } = reference;
    for (const c of reference.cases) {
      const grid = tileGrid(c.width, c.height, imageSize, tiling.overlap)!;
      expect({ name: c.name, xStarts: grid.xStarts, yStarts: grid.yStarts }).toEqual({
        name: c.name,
        xStarts: c.xStarts,
        yStarts: c.yStarts,
      });
    }
  });

  it('matches the recipe’s full-resolution map and highest tile score on real images', async () => {
    for (const c of reference.cases) {
      const encoded = await runtime.encodeImage(join(sharedData, c.image));
      await runtime.forget(encoded.imageKey);
      expect(encoded.tiles).toEqual({ count: c.xStarts.length * c.yStarts.length, runs: expect.any(Number) });
      expect(encoded.anomalyMap.dims).toEqual([1, 1, c.height, c.width]);
      expect(encoded.geometry).toMatchObject({ sx: 1, sy: 1, width: c.width, height: c.height });

      const want = await readMap(c.map.file, c.map.dims);
      const have = encoded.anomalyMap.data as Float32Array;
      const { stride, dims } = c.map;
      let worst = 0;
      for (let r = 0; r < dims[0]; r++)
        for (let k = 0; k < dims[1]; k++) {
          const diff = Math.abs(have[r * stride * c.width + k * stride]! - want[r * dims[1] + k]!);
          worst = Math.max(worst, diff);
        }
      console.info(
        `${c.image}: ${encoded.tiles!.count} tiles in ${encoded.tiles!.runs} runs, ${encoded.runMs.toFixed(0)} ms; ` +
          `map max |Δ| ${worst.toExponential(2)}, score ${encoded.anomalyScore} vs ${c.score}`,
      );
      expect(worst, `${c.image}: map max abs diff`).toBeLessThan(MAP_TOLERANCE);
      expect(Math.abs(encoded.anomalyScore - c.score), `${c.image}: score`).toBeLessThan(SCORE_TOLERANCE);
      for (const [fraction, mean] of c.topFractions) {
        const diff = Math.abs(topFractionMean(have, fraction) - mean);
        expect(diff, `${c.image}: top ${fraction} mean`).toBeLessThan(SCORE_TOLERANCE);
      }
    }
  }, 60_000);

  it('judges a category with imageTopFraction by its map’s top-fraction mean, others by the tile score', async () => {
    const c = reference.cases.find((x) => x.name === 'bsdata')!;
    const topMean = c.topFractions.find(([f]) => f === 0.001)![1];
    expect(Math.abs(topMean - c.score), 'the two scores must differ to tell them apart').toBeGreaterThan(
      1e-3,
    );
    const image = join(sharedData, c.image);
    const own = await answerAllLevels(runtime, image, { category: 'ball_screw' });
    expect(Math.abs(own.result.score - topMean)).toBeLessThan(SCORE_TOLERANCE);
    for (const category of ['pcb', undefined]) {
      const other = await answerAllLevels(runtime, image, { category });
      expect(Math.abs(other.result.score - c.score)).toBeLessThan(SCORE_TOLERANCE);
    }
  }, 60_000);

  it('feathers overlaps: a tile weighs its pixels by distance to its edge, over the overlap', () => {
    expect([...tileRamp(8, { overlap: 3, blend: 'feather' })]).toEqual([
      0.25, 0.5, 0.75, 1, 1, 0.75, 0.5, 0.25,
    ]);
    expect([...tileRamp(4, { overlap: 3, blend: 'mean' })]).toEqual([1, 1, 1, 1]);
    // the reference the map is checked against above was stitched this way
    expect(reference.tiling.blend).toBe('feather');
  });

  it('maps an image thinner than one tile from the resized view, as the recipe does', async () => {
    const neu = join(sharedData, reference.cases[0]!.image);
    const strip = await sharp(neu).extract({ left: 0, top: 0, width: 40, height: 200 }).png().toBuffer();
    const dot = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    for (const [image, width] of [
      [strip, 40],
      [dot, 1],
    ] as const) {
      const encoded = await runtime.encodeImage(image, `${width}px wide`);
      await runtime.forget(encoded.imageKey);
      const S = reference.imageSize;
      expect(encoded.tiles).toBeUndefined();
      expect(encoded.anomalyMap.dims).toEqual([1, 1, S, S]);
      expect(encoded.geometry.sx).toBeCloseTo(S / width, 9);
    }
  });

  it('reads a greyscale image the same as its grey RGB copy', async () => {
    const neu = join(sharedData, reference.cases[0]!.image);
    const grey = await sharp(neu).toColourspace('b-w').png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const { data, info } = await sharp(grey).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const rgb = Buffer.alloc(data.length * 3);
    for (let i = 0; i < data.length; i++) rgb.fill(data[i]!, i * 3, i * 3 + 3);
    const asRgb = await sharp(rgb, { raw: { width: info.width, height: info.height, channels: 3 } })
      .png()
      .toBuffer();
    const [a, b] = [await runtime.encodeImage(grey, 'grey'), await runtime.encodeImage(asRgb, 'rgb')];
    expect(a.tiles?.count).toBe(16);
    expect(a.anomalyMap.data).toEqual(b.anomalyMap.data);
    expect(a.anomalyScore).toBe(b.anomalyScore);
  });

  it('refuses a pack whose tile overlap is not below the tile size, naming the option', async () => {
    const dir = await copyOfTiny();
    await editManifest(dir, (m) => {
      m.options.vision!.tiling = { mode: 'tiles', overlap: reference.imageSize };
    });
    await expect(loadMauGptPack(dir)).rejects.toThrow(
      /model\.json: options\.vision\.tiling\.overlap is 64, it must be below options\.vision\.imageSize \(64\)/,
    );
  });
});
