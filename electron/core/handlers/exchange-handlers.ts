import { resolve } from 'node:path';
import type { Handlers } from '../../contract';
import { EXPORT_FORMAT_NAMES, ExportReport } from '../../contract/api-exchange';
import { checkExportable, exportProject } from '../exchange';
import { prepareOutDir } from '../exchange/out-dir';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';
import { readJobReport } from './job-report';

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
      const title = `Export ${EXPORT_FORMAT_NAMES[input.format]} to ${outDir}`;
      const job = jobs.start('export', title, (context) =>
        exportProject(store, { ...input, outDir }, context),
      );
      return { jobId: job.id };
    },
    'export:report': ({ jobId }) => readJobReport(deps, jobId, ExportReport, 'an export'),
  };
}
