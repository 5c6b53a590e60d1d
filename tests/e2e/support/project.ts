import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ImportFormat, Job, SampleDetail } from '../../../electron/contract';
import { callApi } from './api';

export const sharedData = (root: string, name: string) => resolve(root, '../shared/data', name);

/** A new project in `dir` with a dataset's test fixture imported, through the API (fast, no UI). */
export async function projectWithFixture(
  base: string,
  dir: string,
  source: string,
  format: ImportFormat,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await callApi(base, 'project:create', { dir });
  await importFixture(base, source, format);
}

/** A dataset's test fixture imported into the open project; returns when the job is done. */
export async function importFixture(base: string, source: string, format: ImportFormat): Promise<void> {
  const { jobId } = await callApi<{ jobId: number }>(base, 'import:start', {
    source,
    format,
    fixtureOnly: true,
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = await callApi<Job>(base, 'jobs:get', { jobId });
    if (job.state === 'done') return;
    if (job.state !== 'queued' && job.state !== 'running')
      throw new Error(`import ${job.state}: ${job.message}`);
    if (Date.now() > deadline) throw new Error('import did not finish in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every image of the project with its record, in path order. */
export async function allSamples(base: string): Promise<SampleDetail[]> {
  const { ids } = await callApi<{ ids: number[] }>(base, 'samples:ids', {});
  return Promise.all(ids.map((id) => callApi<SampleDetail>(base, 'samples:get', { id })));
}

export const tempPath = (temp: string, ...parts: string[]) => join(temp, ...parts);
