import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { TURBO } from '../../../electron/core/inference/processing/colormap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asPackId,
  type ModelPackInfo,
  type PredictionDetail,
} from '../../../electron/contract/api-inference';
import type { SampleId } from '../../../electron/contract';
import { INFERENCE_LANES } from '../../../electron/core/jobs/inference-job';
import { inferenceCore, neuDetProject, TEST_MODELS, waitForJob, type TestCore } from './helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('running a model pack over the NEU-DET fixture', () => {
  let t: TestCore;
  let project: string;
  let ids: SampleId[];
  let pack: ModelPackInfo;

  beforeAll(async () => {
    t = inferenceCore();
    project = await neuDetProject(t.call);
    ids = (await t.call('samples:ids', {})).ids;
  }, 120_000);
  afterAll(() => t.core.close());

  it('lists the shipped packs before any is registered', async () => {
    const list = await t.call('models:list', {});
    const shipped = list.filter((m) => m.shipped && !m.registered).map((m) => m.packId);
    expect(shipped).toEqual(expect.arrayContaining(['shipped:anomalib-v2', 'shipped:yolo-segment-nms']));
    expect(list.every((m) => m.session === null && m.problem === null)).toBe(true);
  });

  it('adds a pack and shows what it is', async () => {
    pack = await t.call('models:add', { dir: join(TEST_MODELS, 'anomalib-v2') });
    expect(pack).toMatchObject({
      kind: 'anomalib',
      name: 'anomalib-v2',
      version: '0.1.0',
      variant: 'v2',
      registered: true,
      shipped: true,
    });
    expect(pack.packId).toMatch(/^pack:\d+$/);
    expect(pack.inputs[0]).toMatchObject({
      name: 'input',
      colourOrder: 'RGB',
      resize: { mode: 'stretch', width: 128, height: 128 },
    });
    expect(pack.files[0]).toMatchObject({ path: 'model.onnx', role: 'model' });
    expect(pack.files[0]!.bytes).toBeGreaterThan(0);
    expect(pack.card.licence).toBe('MIT');
    // adding the same folder again finds it registered instead of making a second row
    expect((await t.call('models:add', { dir: join(TEST_MODELS, 'anomalib-v2') })).packId).toBe(pack.packId);
  });

  it('predicts all 42 images on CPU when CUDA cannot start, and records why', async () => {
    const { jobId } = await t.call('inference:start', {
      packId: pack.packId,
      providers: ['cuda'],
      threads: 1,
    });
    const job = await waitForJob(t.call, jobId);
    expect(job).toMatchObject({ state: 'done', kind: 'inference', done: 42, total: 42, failed: 0 });
    expect(job.outcome).toEqual({ predicted: 42, skipped: 0, failed: 0 });

    const listed = (await t.call('models:list', {})).find((m) => m.packId === pack.packId)!;
    expect(listed.predictionCount).toBe(42);
    expect(listed.session?.provider).toBe('cpu');
    expect(listed.session?.fallbacks[0]?.provider).toBe('cuda');
    expect(listed.session?.fallbacks[0]?.reason.length).toBeGreaterThan(10);
    const progress = t
      .events('job:progress')
      .filter((j) => j.id === jobId)
      .map((j) => j.message);
    expect(progress.some((m) => /on cpu \(fell back from cuda: /.test(m))).toBe(true);
    expect(t.events('predictions:changed').flatMap((e) => e.sampleIds)).toHaveLength(42);
  });

  it('answers predictions:get with regions in source pixels and serves the heat map', async () => {
    const all = (await Promise.all(
      ids.map((sampleId) => t.call('predictions:get', { sampleId })),
    )) as PredictionDetail[];
    expect(
      all.every(
        (p) => p !== null && p.packId === pack.packId && p.provider === 'cpu' && p.calibrated === true,
      ),
    ).toBe(true);
    const withRegions = all.filter((p) => p.regions.length > 0);
    expect(withRegions.length).toBeGreaterThan(10);
    for (const region of withRegions.flatMap((p) => p.regions)) {
      expect(region.areaPx).toBeGreaterThan(0);
      const points = region.shape.kind === 'polygon' ? region.shape.points : [];
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(200);
        expect(y).toBeLessThanOrEqual(200);
      }
    }
    // the model is 128² inside: a region reaching past x 128 can only be in source pixels
    expect(
      withRegions.some((p) =>
        p.regions.some((r) => r.shape.kind === 'polygon' && r.shape.points.some(([x]) => x > 130)),
      ),
    ).toBe(true);

    const sampleId = withRegions[0]!.sampleId;
    expect(withRegions[0]!.heatmap).toBe(true);
    const media = await t.core.readMedia('heatmap', sampleId);
    expect(media.contentType).toBe('image/png');
    expect(media.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const served = await sharp(media.body).raw().toBuffer({ resolveWithObject: true });
    expect(served.info.channels).toBe(4);
    const cacheDir = join(project, 'cache/heatmaps', pack.packId.slice('pack:'.length));
    expect(existsSync(cacheDir)).toBe(true);
    // the job stored one grey channel of levels; the media route coloured it: turbo, alpha = level
    const stored = join(cacheDir, `${(await t.call('samples:get', { id: sampleId })).contentHash}.png`);
    expect((await sharp(stored).metadata()).channels).toBe(1);
    const levels = await sharp(stored).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect(levels.info.width).toBe(served.info.width);
    const brightest = levels.data.indexOf(Math.max(...levels.data));
    const level = levels.data[brightest]!;
    expect(Array.from(served.data.subarray(brightest * 4, brightest * 4 + 4))).toEqual([
      ...TURBO.subarray(level * 3, level * 3 + 3),
      level,
    ]);
  });

  it('skips every image on a re-run: same pack version, same content', async () => {
    const { jobId } = await t.call('inference:start', { packId: pack.packId, providers: ['cpu'] });
    const job = await waitForJob(t.call, jobId);
    expect(job.outcome).toEqual({ predicted: 0, skipped: 42, failed: 0 });
    expect(job.done).toBe(42);
  });

  it('re-runs with force without duplicating the immutable records', async () => {
    const sampleIds = ids.slice(0, 3);
    const { jobId } = await t.call('inference:start', {
      packId: pack.packId,
      sampleIds,
      force: true,
      providers: ['cpu'],
    });
    const job = await waitForJob(t.call, jobId);
    expect(job.outcome).toEqual({ predicted: 0, skipped: 0, failed: 0, unchanged: 3 });
    expect((await t.call('models:list', {})).find((m) => m.packId === pack.packId)!.predictionCount).toBe(42);
  });

  it('leaves one core to decoding and the app when a job names no thread count', async () => {
    const { jobId } = await t.call('inference:start', {
      packId: pack.packId,
      providers: ['cpu'],
      force: true,
    });
    expect(await waitForJob(t.call, jobId)).toMatchObject({ state: 'done', done: 42, failed: 0 });
    const listed = (await t.call('models:list', {})).find((m) => m.packId === pack.packId)!;
    expect(listed.session?.threads).toBe(Math.max(1, availableParallelism() - 1));
  });

  it('runs a shipped detector, registering it, with the prioritized image first', async () => {
    const last = ids[ids.length - 1]!;
    const { jobId } = await t.call('inference:start', {
      packId: asPackId('shipped:yolo-detect-nms'),
      providers: ['cpu'],
      threads: 1,
    });
    expect(await t.call('inference:prioritize', { jobId, sampleId: last })).toEqual({ queued: true });
    const job = await waitForJob(t.call, jobId);
    expect(job.outcome).toEqual({ predicted: 42, skipped: 0, failed: 0 });
    const yolo = (await t.call('models:list', {})).find((m) => m.name === 'yolo-detect-nms')!;
    expect(yolo).toMatchObject({ registered: true, shipped: true, predictionCount: 42 });
    const mine = await Promise.all(
      ids.map((sampleId) => t.call('predictions:get', { sampleId, packId: yolo.packId })),
    );
    const order = mine.map((p) => p!.id).sort((a, b) => a - b);
    const prioritized = mine[ids.length - 1]!;
    // taken first, so among the first images in flight (which of those finishes first is a race)
    expect(order.indexOf(prioritized.id)).toBeLessThan(INFERENCE_LANES);
    // detections carry the pack's class names; a detector draws no heat map
    expect(
      mine.flatMap((p) => p!.regions).every((r) => r.defectType !== null && r.shape.kind === 'box'),
    ).toBe(true);
    expect(prioritized.heatmap).toBe(false);
    await expect(t.core.readMedia('heatmap', last)).rejects.toThrow(
      /latest prediction \(yolo-detect-nms 0\.1\.0, yolo\) has no heat map/,
    );
    // the anomaly pack's answer is still there, by pack
    expect((await t.call('predictions:get', { sampleId: last, packId: pack.packId }))!.pack.name).toBe(
      'anomalib-v2',
    );
  });

  it('removes a pack but keeps its predictions', async () => {
    const yolo = (await t.call('models:list', {})).find((m) => m.name === 'yolo-detect-nms')!;
    expect(await t.call('models:remove', { packId: yolo.packId })).toEqual({ predictionsKept: 42 });
    const list = await t.call('models:list', {});
    expect(list.find((m) => m.packId === yolo.packId)).toBeUndefined();
    expect(list.find((m) => m.packId === 'shipped:yolo-detect-nms')).toBeDefined();
    const kept = await t.call('predictions:get', { sampleId: ids[0]! });
    expect(kept).toMatchObject({ packId: null, pack: { name: 'yolo-detect-nms' } });
  });
});
