import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleId } from '../../../electron/contract';
import { tempDir } from '../../helpers/paths';
import { inferenceCore, waitForJob, type TestCore } from '../inference-jobs/helpers';
import { NORMAL, PITTING, TINY } from './helpers';

describe('an inference job with a MAU-GPT pack', () => {
  let t: TestCore;
  let ids: SampleId[];

  beforeAll(async () => {
    t = inferenceCore();
    const images = join(tempDir('mau-gpt-images'), 'bsdata');
    await mkdir(images, { recursive: true });
    for (const image of [PITTING, NORMAL]) await copyFile(image, join(images, basename(image)));
    await t.call('project:create', { dir: join(tempDir('project'), 'gears'), name: 'Gears' });
    const { jobId } = await t.call('import:start', { source: images, format: 'folder' });
    expect((await waitForJob(t.call, jobId)).state).toBe('done');
    ids = (await t.call('samples:ids', {})).ids;
  }, 60_000);
  afterAll(() => t?.core.close());

  it('writes a prediction with five level texts per image and streams them as tokens', async () => {
    const pack = await t.call('models:add', { dir: TINY });
    expect(pack.kind).toBe('mau-gpt');
    const { jobId } = await t.call('inference:start', {
      packId: pack.packId,
      providers: ['cpu'],
      threads: 1,
    });
    const job = await waitForJob(t.call, jobId);
    expect(job).toMatchObject({ state: 'done', done: 2, failed: 0 });
    expect(job.outcome).toEqual({ predicted: 2, skipped: 0, failed: 0 });

    const tokens = t.events('inference:token').filter((e) => e.jobId === jobId);
    for (const sampleId of ids) {
      const detail = (await t.call('predictions:get', { sampleId }))!;
      expect(detail.pack.kind).toBe('mau-gpt');
      expect(detail.score).toBeGreaterThanOrEqual(0);
      expect(['OK', 'NG']).toContain(detail.verdict);
      expect(detail.heatmap).toBe(true);
      const texts = (await t.call('labels:get', { sampleId })).prediction!.texts;
      expect(Object.keys(texts).sort()).toEqual(['1', '2', '3', '4', '5']);
      for (const level of ['1', '2', '3', '4', '5'] as const) {
        const streamed = tokens
          .filter((e) => e.sampleId === sampleId && e.level === level)
          .map((e) => e.delta)
          .join('');
        expect(streamed.trim()).toBe(texts[level]);
      }
    }
  }, 60_000);
});
