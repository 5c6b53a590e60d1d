import type { z } from 'zod';
import { AppError, type JobId } from '../../contract';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';

/**
 * The report a done job kept, read back by its id: from the running session's jobs, else from
 * the project's job history. `kind` names the job in the error when the id is some other job's.
 */
export function readJobReport<T>(
  deps: { session: ProjectSession; jobs: JobManager },
  jobId: JobId,
  schema: z.ZodType<T>,
  kind: string,
): T {
  const store = deps.session.require();
  const live = deps.jobs.has(jobId);
  const known = live ? deps.jobs.get(jobId) : store.getJob(jobId);
  if (!known) throw new AppError('NOT_FOUND', `no job ${jobId}`);
  if (known.state !== 'done') {
    throw new AppError('CONFLICT', `${jobId} is ${known.state}; its report is ready when it is done`);
  }
  const parsed = schema.safeParse(live ? deps.jobs.report(jobId) : store.getJobReport(jobId));
  if (!parsed.success) throw new AppError('NOT_FOUND', `${jobId} is not ${kind} job with a report`);
  return parsed.data;
}
