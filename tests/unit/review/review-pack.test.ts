import { describe, expect, it } from 'vitest';
import type { SampleId } from '../../../electron/contract';
import type { PackId } from '../../../electron/contract/api-inference';
import { join } from 'node:path';
import { tempDir } from '../../helpers/paths';
import { exportTo } from '../exchange/helpers';
import { readMauSet } from '../exchange/mauset-helpers';
import { box, predictionsFile, relPathOf, reviewProjects } from './helpers';

const projects = reviewProjects();

describe('the pack under review', () => {
  it('decides whose prediction labels, answers and the queue show; the newest of any pack by default', async () => {
    const { call, ids, events } = await projects.open();
    const [a, b] = (await ids('NG')) as [SampleId, SampleId];
    const [pathA, pathB] = [await relPathOf(call, a), await relPathOf(call, b)];
    // two models judged the same two images, each unsure about a different one
    const older = predictionsFile(
      [
        {
          image: pathA,
          score: 0.5,
          regions: [{ defectType: 'pitting', score: 0.5, shape: box(1, 1, 4, 4) }],
        },
        { image: pathB, score: 0.99 },
      ],
      { name: 'line-model', version: '3', kind: 'anomalib' },
    );
    const newer = predictionsFile(
      [
        { image: pathA, score: 0.99 },
        { image: pathB, score: 0.5 },
      ],
      { name: 'candidate', version: '1', kind: 'anomalib' },
    );
    await call('predictions:import', { file: older });
    await call('predictions:import', { file: newer });
    const before = await call('models:reviewPacks', {});
    // the pack that predicted last first, each with its count
    expect(before.packs.map((p) => [p.name, p.predictionCount])).toEqual([
      ['candidate', 2],
      ['line-model', 2],
    ]);
    expect(before.underReview).toBeNull();
    const [candidate, lineModel] = before.packs as [(typeof before.packs)[0], (typeof before.packs)[0]];

    const nearest = async () => {
      const queue = await call('review:queue', { threshold: 0.5, auditShare: 0 });
      return queue.ids.filter((id) => id === a || id === b)[0];
    };
    // no choice made: the newest prediction, the candidate's
    expect((await call('labels:get', { sampleId: a })).prediction).toMatchObject({
      modelPack: { name: 'candidate' },
      score: 0.99,
    });
    expect(await nearest()).toBe(b);

    events.length = 0;
    expect(await call('models:setReviewPack', { packId: lineModel.packId })).toEqual({
      ...before,
      underReview: lineModel.packId,
    });
    expect(events).toEqual([{ name: 'models:reviewPack', payload: { packId: lineModel.packId } }]);
    const state = await call('labels:get', { sampleId: a });
    expect(state.prediction).toMatchObject({ modelPack: { name: 'line-model' }, score: 0.5 });
    expect(state.prediction?.regions).toHaveLength(1);
    expect(await call('predictions:get', { sampleId: a })).toMatchObject({ pack: { name: 'line-model' } });
    expect(await nearest()).toBe(a);
    // asking for one pack still gets that pack
    expect(await call('predictions:get', { sampleId: a, packId: candidate.packId })).toMatchObject({
      pack: { name: 'candidate' },
    });

    // a MAU-Set export names, for an image nobody edited, the prediction review showed
    const outDir = join(tempDir('review-pack-export'), 'out');
    await exportTo(call, { format: 'mauset', outDir });
    const record = readMauSet(outDir).records.find((r) => r.image.endsWith(pathA.split('/').pop()!));
    expect(record?.lineage.prediction).toEqual({ model: 'line-model', version: '3', score: 0.5 });

    await call('models:setReviewPack', { packId: null });
    expect((await call('labels:get', { sampleId: a })).prediction).toMatchObject({
      modelPack: { name: 'candidate' },
    });
  });

  it('refuses a pack that has predicted nothing here, naming it', async () => {
    const { call } = await projects.open();
    await expect(call('models:setReviewPack', { packId: 'pack:999' as PackId })).rejects.toThrow(
      /INVALID_INPUT pack:999 has made no predictions in this project; run it first/,
    );
    await expect(call('models:setReviewPack', { packId: 'shipped:mau-gpt-mini' as PackId })).rejects.toThrow(
      /shipped:mau-gpt-mini has made no predictions in this project/,
    );
  });
});
