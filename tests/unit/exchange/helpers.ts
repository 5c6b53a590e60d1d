import { asJobId, type Job, type SampleDetail } from '../../../electron/contract';
import type { ExportOptionsInput, ExportReport } from '../../../electron/contract/api-exchange';
import type { testCore } from '../../helpers/core';

type Call = ReturnType<typeof testCore>['call'];

export async function waitForJob(call: Call, jobId: string): Promise<Job> {
  for (;;) {
    const job = await call('jobs:get', { jobId: asJobId(jobId) });
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Imports a folder into the open project and returns the finished job. */
export async function importFolder(
  call: Call,
  source: string,
  format: 'auto' | 'coco' | 'yolo' | 'labelme' | 'mvtec' | 'bsdata' | 'deeppcb' | 'voc',
  fixtureOnly = false,
): Promise<Job> {
  const { jobId } = await call('import:start', { source, format, fixtureOnly });
  const job = await waitForJob(call, jobId);
  if (job.state !== 'done') throw new Error(`import of ${source} ${job.state}: ${job.message}`);
  return job;
}

/** Exports the open project and returns the report (also checked against export-report.json). */
export async function exportTo(call: Call, options: ExportOptionsInput): Promise<ExportReport> {
  const { jobId } = await call('export:start', options);
  const job = await waitForJob(call, jobId);
  if (job.state !== 'done') throw new Error(`export ${options.format} ${job.state}: ${job.message}`);
  return call('export:report', { jobId });
}

/** Every sample of the open project with its regions. */
export async function snapshot(call: Call): Promise<SampleDetail[]> {
  const { ids } = await call('samples:ids', {});
  const details: SampleDetail[] = [];
  for (const id of ids) details.push(await call('samples:get', { id }));
  return details;
}
