import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asJobId } from '../../../electron/contract';
import { loadModelPack } from '../../../electron/core/inference';
import { sharedData, tempDir } from '../../helpers/paths';
import { importFolder } from '../exchange/helpers';
import { inferenceCore, TEST_MODELS, waitForJob, type TestCore } from '../inference-jobs/helpers';
import { TINY } from '../mau-gpt/helpers';

/** Pack folders in the project's models/, partial ones included. */
const packFolders = (project: string) =>
  existsSync(join(project, 'models')) ? readdirSync(join(project, 'models')) : [];

/**
 * The real fine-tune loop on the BSData fixture (40 labelled ball-screw images) with the tiny
 * MAU-GPT pack as base: MAU-Set export, the recipe in python3 with torch, registration, and
 * both packs run and scored on the held-out images.
 */
describe('fine-tuning a mau-gpt pack on the project labels', () => {
  let t: TestCore;
  let project: string;

  beforeAll(async () => {
    t = inferenceCore();
    project = join(tempDir('finetune'), 'screws');
    await t.call('project:create', { dir: project, name: 'Ball screws' });
    await importFolder(t.call, join(sharedData, 'bsdata'), 'bsdata', true);
  }, 60_000);
  afterAll(() => t?.core.close());

  it('refuses an anomalib pack as the base, naming its model.json, and registers nothing', async () => {
    const error = await t.failure('finetune:start', { base: join(TEST_MODELS, 'anomalib-v2'), smoke: true });
    expect(error).toMatch(
      /^INVALID_INPUT .*anomalib-v2\/model\.json: kind is anomalib; fine-tuning needs a mau-gpt pack/,
    );
    expect(await t.call('models:list', {})).not.toContainEqual(expect.objectContaining({ registered: true }));
    expect(packFolders(project)).toEqual([]);
  });

  it('says what to install when python3 or torch is missing', async () => {
    process.env.MAU_STUDIO_PYTHON = '/nonexistent/python3';
    try {
      const error = await t.failure('finetune:start', { base: TINY, smoke: true });
      expect(error).toContain(
        'UNSUPPORTED fine-tuning needs python3 with torch (Debian: apt-get install python3-torch python3-onnx)',
      );
      expect(error).toContain('/nonexistent/python3');
    } finally {
      delete process.env.MAU_STUDIO_PYTHON;
    }
  });

  it('cancelled mid-training, leaves no pack folder and registers nothing', async () => {
    const { jobId } = await t.call('finetune:start', { base: TINY, smoke: true, steps: 400 });
    for (
      let job = await t.call('jobs:get', { jobId });
      job.done === 0;
      job = await t.call('jobs:get', { jobId })
    ) {
      if (job.state !== 'running' && job.state !== 'queued') throw new Error(`ended early: ${job.message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await t.call('jobs:cancel', { jobId });
    expect((await waitForJob(t.call, jobId)).state).toBe('cancelled');
    expect(packFolders(project)).toEqual([]);
    const names = (await t.call('models:list', {})).filter((m) => m.registered).map((m) => m.name);
    expect(names).not.toContain('mau-gpt-tiny-ft');
  }, 90_000);

  it('trains, registers a new pack that loads, and compares it with its base on held-out images', async () => {
    const { jobId } = await t.call('finetune:start', { base: TINY, smoke: true, steps: 6 });
    const job = await waitForJob(t.call, jobId);
    expect(job.state, job.message).toBe('done');
    expect(job.total).toBe(6);
    const report = await t.call('finetune:report', { jobId: asJobId(jobId) });

    expect(report.tuned.name).toBe('mau-gpt-tiny-ft');
    expect(report.tuned.dir.startsWith(join(project, 'models'))).toBe(true);
    expect(packFolders(project)).toEqual([report.tuned.dir.split('/').pop()]);
    const pack = await loadModelPack(report.tuned.dir);
    expect(pack.kind).toBe('mau-gpt');
    expect(pack.files.map((f) => f.role)).toContain('weights');
    expect(pack.manifest.card.base).toMatchObject({ name: 'mau-gpt-tiny', version: '0.1.0' });
    const listed = await t.call('models:list', {});
    expect(listed).toContainEqual(expect.objectContaining({ packId: report.tuned.packId, registered: true }));

    expect(report.steps).toBe(6);
    expect(report.data.train).toBeGreaterThan(0);
    expect(report.heldOut).toBeGreaterThan(0);
    expect(report.heldOutIds).toHaveLength(report.heldOut);
    // the export's test split (by part and template), which need not be the split stored per image
    const everything = await t.call('samples:ids', {});
    expect(new Set(report.heldOutIds).size).toBe(report.heldOut);
    expect(everything.ids).toEqual(expect.arrayContaining(report.heldOutIds));
    const { base, tuned } = report.comparison;
    expect(base.name).toBe('mau-gpt-tiny');
    expect(tuned.packId).toBe(report.tuned.packId);
    // the tuned pack only ever ran on the held-out images; every one with a label is scored
    expect(tuned.evaluated).toBe(report.heldOut);
    expect(base.evaluated).toBe(report.heldOut);
    expect(tuned.total.images).toBe(report.heldOut);
  }, 180_000);
});
