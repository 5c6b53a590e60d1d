import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPackId } from '../../../electron/contract/api-inference';
import { inferenceCore, neuDetProject, waitForJob, type TestCore } from './helpers';

describe('cancelling and resuming an inference job', () => {
  let t: TestCore;
  let project: string;

  beforeAll(async () => {
    t = inferenceCore();
    project = await neuDetProject(t.call);
  }, 120_000);
  afterAll(() => t.core.close());

  const predictionCount = async (name: string) =>
    (await t.call('models:list', {})).find((m) => m.name === name)!.predictionCount;

  it('stops mid-way on cancel, and a resume completes without duplicates', async () => {
    const { jobId } = await t.call('inference:start', {
      packId: asPackId('shipped:anomalib-v1'),
      providers: ['cpu'],
      threads: 1,
    });
    // cancel as soon as the first predictions land
    await new Promise<void>((resolve) => {
      const stop = t.core.subscribe((name) => {
        if (name !== 'predictions:changed') return;
        stop();
        void t.call('jobs:cancel', { jobId }).then(() => resolve());
      });
    });
    const cancelled = await waitForJob(t.call, jobId);
    expect(cancelled.state).toBe('cancelled');
    const first = cancelled.outcome.predicted!;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(42);
    expect(await predictionCount('anomalib-v1')).toBe(first);
    expect((await t.call('inference:resumable', {})).map((j) => j.id)).toContain(jobId);

    const resumed = await t.call('jobs:resume', { jobId });
    const job = await waitForJob(t.call, resumed.jobId);
    expect(job.state).toBe('done');
    expect(job.outcome).toEqual({ predicted: 42 - first, skipped: first, failed: 0 });
    expect(await predictionCount('anomalib-v1')).toBe(42);
    expect((await t.call('inference:resumable', {})).map((j) => j.id)).not.toContain(jobId);
  });

  it('marks a job left running by a crash as interrupted on open, and resumes it', async () => {
    const packId = (await t.call('models:list', {})).find((m) => m.name === 'anomalib-v1')!.packId;
    const sampleIds = (await t.call('samples:ids', {})).ids.slice(0, 3);
    const { jobId } = await t.call('inference:start', { packId, providers: ['cpu'], sampleIds });
    await waitForJob(t.call, jobId);
    await t.call('project:close', {});
    // what a killed app leaves behind: the job still "running", nothing running it
    const db = new Database(join(project, 'project.sqlite'));
    db.prepare("UPDATE jobs SET state = 'running', finished_at = NULL WHERE id = ?").run(jobId);
    db.close();

    await t.call('project:open', { dir: project });
    const stale = (await t.call('inference:resumable', {})).find((j) => j.id === jobId)!;
    expect(stale).toMatchObject({ state: 'failed', message: 'interrupted — resume to continue' });
    const resumed = await t.call('jobs:resume', { jobId });
    const job = await waitForJob(t.call, resumed.jobId);
    expect(job).toMatchObject({ state: 'done', title: expect.stringContaining('(resumed)') });
    expect(job.outcome).toEqual({ predicted: 0, skipped: 3, failed: 0 });
  });

  it('refuses to resume a job that finished or is not an inference job', async () => {
    const { jobId } = await t.call('inference:start', {
      packId: asPackId('shipped:anomalib-v1'),
      providers: ['cpu'],
    });
    await waitForJob(t.call, jobId);
    expect(await t.failure('jobs:resume', { jobId })).toMatch(/^CONFLICT .*already finished/);
    const imported = (await t.call('jobs:list', {})).find((j) => j.kind === 'import');
    if (imported)
      expect(await t.failure('jobs:resume', { jobId: imported.id })).toMatch(/only inference jobs resume/);
  });
});
