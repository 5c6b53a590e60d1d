import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOutputs } from '../../../electron/core/inference/adapters/select';
import { loadModelPack } from '../../../electron/core/inference/pack/load-pack';
import type { ModelPack } from '../../../electron/core/inference/pack/model-pack';
import { createPredictor, type ManyItem, type Predictor } from '../../../electron/core/inference/predictor';
import { SessionPool } from '../../../electron/core/inference/session/session-pool';
import {
  fixtureImages,
  HAVE_DATA,
  readReference,
  readRefOutput,
  scratchDir,
  SHARED_DATA,
  TEST_MODELS,
  type AnomalyExpected,
} from './helpers';

const pool = new SessionPool({ providers: ['cpu'], intraOpNumThreads: 1 });
let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await pool.close();
  await scratch.cleanup();
});

async function predictor(name: string): Promise<Predictor> {
  return createPredictor(await loadModelPack(join(TEST_MODELS, name)), { pool });
}

describe.skipIf(!HAVE_DATA)('predicting on real fixture images', () => {
  const scratchImage = join(SHARED_DATA, 'neu-det/IMAGES/scratches_170.jpg');

  it('finds the annotated steel scratch and writes its heatmap (anomalib v2)', async () => {
    const p = await predictor('anomalib-v2');
    const heatmapPath = join(scratch.dir, 'maps/scratch.png');
    const {
      result,
      image,
      heatmapPath: written,
      provider,
      timings,
    } = await p.predict(scratchImage, { heatmapPath });
    expect(provider).toBe('cpu');
    expect(image).toEqual({ path: scratchImage, width: 200, height: 200 });
    expect(result.verdict).toBe('NG');
    expect(result.calibrated).toBe(true);
    // the PIL-resized reference saw nearly the same pixels: nearly the same score
    const reference = (await readReference('anomalib-v2')).cases[0]!.expected as AnomalyExpected;
    expect(Math.abs(result.score - reference.score)).toBeLessThan(0.05);
    // NEU-DET's box for this scratch spans x 88..106 over the full height
    const top = result.regions[0]!;
    expect(top.shape.kind).toBe('polygon');
    if (top.shape.kind === 'polygon') {
      const xs = top.shape.points.map((q) => q[0]);
      expect(Math.min(...xs)).toBeGreaterThan(80);
      expect(Math.max(...xs)).toBeLessThan(115);
    }
    expect(result.anomalyMap).toMatchObject({ width: 128, height: 128 });
    expect(written).toBe(heatmapPath);
    const { data, info } = await sharp(heatmapPath).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([128, 128, 3]);
    // the hottest map pixel is drawn in turbo's red end
    const map = result.anomalyMap!.data;
    const hottest = map.indexOf(Math.max(...map));
    expect(data[hottest * 3]!).toBeGreaterThan(150);
    expect(data[hottest * 3 + 2]!).toBeLessThan(100);
    console.log(`[predict] anomalib-v2 on scratches_170: ${JSON.stringify(timings)}`);
  });

  it('outlines instances in source pixels through the letterbox (YOLO segment)', async () => {
    const p = await predictor('yolo-segment-nms');
    const path = join(SHARED_DATA, 'bsdata/data/01_200905201421_395000_270_crop_2.jpg');
    const { result } = await p.predict(path);
    expect(result.verdict).toBe('NG');
    expect(result.regions.length).toBeGreaterThan(0);
    const names = new Set(p.pack.manifest.labels);
    for (const region of result.regions) {
      expect(names.has(region.defectType!)).toBe(true);
      const points = region.shape.kind === 'polygon' ? region.shape.points : [];
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1130);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(460);
      }
    }
    expect(result.score).toBe(Math.max(...result.regions.map((r) => r.score)));
  });

  it('keeps going past an image it cannot read, naming it, in order', async () => {
    const p = await predictor('yolo-detect-raw');
    const broken = join(scratch.dir, 'broken.jpg');
    await writeFile(broken, 'truncated upload');
    const images = (await fixtureImages('neu-det')).slice(0, 6);
    images.splice(3, 0, broken);
    const items: ManyItem[] = [];
    for await (const item of p.predictMany(images)) items.push(item);
    expect(items.map((i) => i.path)).toEqual(images);
    expect(items.map((i) => i.ok)).toEqual([true, true, true, false, true, true, true]);
    const failed = items[3]!;
    expect(!failed.ok && failed.error.message).toMatch(`image ${broken}: cannot be decoded`);
    const ok = items.filter((i) => i.ok).map((i) => (i.ok ? i.outcome.timings : undefined)!);
    const run = ok.reduce((s, t) => s + t.runMs, 0);
    const total = ok.reduce((s, t) => s + t.totalMs, 0);
    console.log(
      `[predict] yolo-detect-raw over ${ok.length} NEU-DET fixtures: session.run ${run.toFixed(1)} ms, pipeline ${total.toFixed(1)} ms (this test model runs in ~1 ms, so the ratio says little)`,
    );
  });

  it('stops between images when the job is cancelled, finishing the one in flight', async () => {
    const p = await predictor('anomalib-v1');
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const item of p.predictMany(await fixtureImages('bsdata'), { signal: controller.signal })) {
      seen.push(item.path);
      if (seen.length === 2) controller.abort();
    }
    expect(seen).toHaveLength(3);
  });
});

describe('broken model outputs', () => {
  let pack: ModelPack;
  beforeAll(async () => {
    pack = await loadModelPack(join(TEST_MODELS, 'anomalib-v2'));
  });

  it('refuses NaN or Inf in an output, naming the image, the pack and the output', async () => {
    const c = (await readReference('anomalib-v2')).cases[0]!;
    const outputs = Object.fromEntries(
      await Promise.all(
        Object.entries(c.outputs).map(async ([name, ref]) => [name, await readRefOutput(ref)] as const),
      ),
    );
    const map = outputs.anomaly_map!.data as Float32Array;
    map[10] = Number.NaN;
    map[20] = Number.POSITIVE_INFINITY;
    expect(() => decodeOutputs(pack, outputs, c.transform, 'IMAGES/scratches_170.jpg')).toThrow(
      `image IMAGES/scratches_170.jpg: model pack ${pack.dir}: output anomaly_map has 2 NaN/Inf value(s) of 16384`,
    );
  });

  it('refuses a map that is not one plane', async () => {
    const c = (await readReference('anomalib-v2')).cases[0]!;
    const outputs = Object.fromEntries(
      await Promise.all(
        Object.entries(c.outputs).map(async ([name, ref]) => [name, await readRefOutput(ref)] as const),
      ),
    );
    outputs.anomaly_map!.dims = [2, 1, 64, 128];
    expect(() => decodeOutputs(pack, outputs, c.transform, 'x.jpg')).toThrow(
      /anomaly map has shape \[2, 1, 64, 128\], expected one H×W plane/,
    );
  });

  it('refuses to run a pack of another kind through an adapter', async () => {
    const mau = { ...pack, kind: 'mau-gpt', options: {} } as ModelPack;
    await expect(createPredictor(mau, { pool })).rejects.toThrow(
      /is a mau-gpt pack: it runs through the MAU-GPT generator/,
    );
  });
});
