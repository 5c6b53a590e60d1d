import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateProject, resolveEvaluatedPack } from '../../../electron/core/evaluation';
import { heldOutIds } from '../../../electron/core/finetune/held-out';
import { ProjectStore } from '../../../electron/core/store';
import { sharedData, tempDir } from '../../helpers/paths';
import { importFolder } from '../exchange/helpers';
import { inferenceCore, TEST_MODELS, waitForJob, type TestCore } from '../inference-jobs/helpers';

/**
 * A fine-tune compares its base and the new pack on the held-out images only, even when the
 * base already predicted the whole project: evaluateProject takes the list of sample ids.
 */
describe('evaluating a pack on a list of sample ids', () => {
  let t: TestCore;
  let project: string;
  let store: ProjectStore;
  let ids: number[];
  const PREDICTED = 10;

  beforeAll(async () => {
    t = inferenceCore();
    project = join(tempDir('held-out-eval'), 'screws');
    await t.call('project:create', { dir: project, name: 'Ball screws' });
    await importFolder(t.call, join(sharedData, 'bsdata'), 'bsdata', true);
    ids = (await t.call('samples:ids', {})).ids;
    const { jobId } = await t.call('inference:start', {
      packId: 'shipped:anomalib-v2' as never,
      sampleIds: ids.slice(0, PREDICTED),
      providers: ['cpu'],
      threads: 1,
    });
    expect(await waitForJob(t.call, jobId)).toMatchObject({ state: 'done', done: PREDICTED });
    await t.call('project:close', {});
    store = ProjectStore.open(project);
  }, 120_000);

  afterAll(async () => {
    store?.close();
    await t?.core.close();
  });

  const evaluate = async (sampleIds?: number[]) => {
    const pack = await resolveEvaluatedPack(store.db, { name: 'anomalib-v2' }, TEST_MODELS);
    return evaluateProject(store, {
      pack,
      filter: {},
      threshold: 0.5,
      mapSize: 64,
      pixelMetrics: false,
      ...(sampleIds ? { sampleIds } : {}),
    });
  };

  it('without a list, scores every predicted image the filter chooses', async () => {
    const report = await evaluate();
    expect(report.selected).toBe(ids.length);
    expect(report.evaluated).toBe(PREDICTED);
    expect(report.skippedBy.noPrediction).toBe(ids.length - PREDICTED);
  });

  it('with a list, selects exactly those images and scores only them', async () => {
    const chosen = [ids[1]!, ids[4]!, ids[7]!];
    const report = await evaluate(chosen);
    expect(report.selected).toBe(3);
    expect(report.evaluated).toBe(3);
    expect(report.total.images).toBe(3);
    expect(report.scoreHistogram.ok.concat(report.scoreHistogram.ng).reduce((s, n) => s + n, 0)).toBe(3);
  });

  it('counts a listed image without a prediction as skipped, not as another image', async () => {
    const report = await evaluate([ids[0]!, ids[PREDICTED]!, ids[PREDICTED + 1]!]);
    expect(report.selected).toBe(3);
    expect(report.evaluated).toBe(1);
    expect(report.skippedBy.noPrediction).toBe(2);
  });

  it('an empty list (no held-out images) scores nothing instead of everything', async () => {
    const report = await evaluate([]);
    expect(report.selected).toBe(0);
    expect(report.evaluated).toBe(0);
  });

  it('the held-out ids are a fixed, non-empty part of the project, stable across calls', async () => {
    const heldOut = await heldOutIds(store, ids);
    expect(heldOut.length).toBeGreaterThan(0);
    expect(heldOut.length).toBeLessThan(ids.length);
    expect(await heldOutIds(store, ids)).toEqual(heldOut);
  });
});
