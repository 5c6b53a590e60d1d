import { resolve } from 'node:path';
import { AppError, type Handlers, type JobId } from '../../contract';
import { ExportReport } from '../../contract/api-exchange';
import { checkExportable, exportProject, FORMAT_NAMES } from '../exchange';
import { prepareOutDir } from '../exchange/out-dir';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';

export function exchangeHandlers(deps: {
  session: ProjectSession;
  jobs: JobManager;
}): Pick<Handlers, 'export:start' | 'export:report'> {
  const { session, jobs } = deps;
  return {
    'export:start': async (input) => {
      const store = session.require();
      const outDir = resolve(input.outDir);
      // Checked now as well as when the job runs, so a wrong folder is an answer, not a failed job.
      checkExportable(store, input);
      await prepareOutDir(outDir, store.dir);
      const title = `Export ${FORMAT_NAMES[input.format]} to ${outDir}`;
      const job = jobs.start('export', title, (context) =>
        exportProject(store, { ...input, outDir }, context),
      );
      return { jobId: job.id };
    },
    'export:report': ({ jobId }) => {
      const parsed = ExportReport.safeParse(reportOf(jobId));
      if (!parsed.success) throw new AppError('NOT_FOUND', `${jobId} is not an export job with a report`);
      return parsed.data;
    },
  };

  /** From the running session's jobs, else from the project's job history. */
  function reportOf(jobId: JobId): unknown {
    const store = session.require();
    const known = jobs.list().find((job) => job.id === jobId) ?? store.getJob(jobId);
    if (!known) throw new AppError('NOT_FOUND', `no job ${jobId}`);
    if (known.state !== 'done') {
      throw new AppError('CONFLICT', `${jobId} is ${known.state}; its report is ready when it is done`);
    }
    return jobs.list().some((job) => job.id === jobId) ? jobs.report(jobId) : store.getJobReport(jobId);
  }
}
