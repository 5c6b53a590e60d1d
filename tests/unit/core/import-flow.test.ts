import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asJobId } from '../../../electron/contract';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';

describe('importing a dataset through the core', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('imports the BSData fixture, then finds everything unchanged on re-import', async () => {
    const { core, call } = testCore();
    close = () => core.close();
    const dir = join(tempDir('project'), 'bsdata-review');
    await call('project:create', { dir, name: 'BSData review' });

    const { jobId } = await call('import:start', { source: join(sharedData, 'bsdata'), fixtureOnly: true });
    let job = await waitForJob(call, jobId);
    expect(job.state).toBe('done');
    expect(job.done).toBe(40);
    expect(job.outcome).toMatchObject({ added: 40, failed: 0 });

    const facets = await call('samples:facets', {});
    expect(facets.total).toBe(40);
    expect(facets.verdicts).toEqual(
      expect.arrayContaining([
        { value: 'NG', count: 20 },
        { value: 'OK', count: 20 },
      ]),
    );
    expect(facets.defectTypes.map((t) => t.value)).toEqual(['pitting']);

    const { ids } = await call('samples:ids', { filter: { verdicts: ['NG'] } });
    expect(ids).toHaveLength(20);
    const detail = await call('samples:get', { id: ids[0]! });
    expect(detail.regions.length).toBeGreaterThan(0);
    expect(detail.regions[0]!.shape.kind).toBe('polygon');

    const thumb = await core.readMedia('thumb', ids[0]!);
    expect(thumb.contentType).toBe('image/jpeg');
    expect(thumb.body.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const again = await call('import:start', { source: join(sharedData, 'bsdata'), fixtureOnly: true });
    job = await waitForJob(call, again.jobId);
    expect(job.state).toBe('done');
    expect(job.outcome).toMatchObject({ added: 0, unchanged: 40, failed: 0 });
    const summary = await call('project:current', {});
    expect(summary?.sampleCount).toBe(40);
  });

  it('refuses a source folder that does not exist, naming it', async () => {
    const { core, call } = testCore();
    close = () => core.close();
    await call('project:create', { dir: join(tempDir('project'), 'p') });
    await expect(call('import:start', { source: '/nonexistent/folder' })).rejects.toThrow(
      /NOT_FOUND.*nonexistent/,
    );
  });

  it('says no project is open instead of failing obscurely', async () => {
    const { core, call } = testCore();
    close = () => core.close();
    await expect(call('samples:facets', {})).rejects.toThrow(/NO_PROJECT/);
  });
});

async function waitForJob(call: ReturnType<typeof testCore>['call'], jobId: string) {
  for (;;) {
    const job = await call('jobs:get', { jobId: asJobId(jobId) });
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
