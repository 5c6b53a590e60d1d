import { AppError, type Handlers, type JobId } from '../../contract';
import { EvaluationReport } from '../../contract/api-evaluation';
import { evaluateProject, resolveEvaluatedPack } from '../evaluation';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';

export function evaluationHandlers(deps: {
  session: ProjectSession;
  jobs: JobManager;
  modelsDir?: string;
}): Pick<Handlers, 'eval:start' | 'eval:report'> {
  const { session, jobs } = deps;
  return {
    'eval:start': async ({ model, ...options }) => {
      const store = session.require();
      // Resolved now, so a wrong pack name is an answer, not a failed job.
      const pack = await resolveEvaluatedPack(store.db, model, deps.modelsDir);
      const job = jobs.start('evaluation', `Evaluate ${pack.name} ${pack.version}`, (context) =>
        evaluateProject(store, { ...options, pack }, context),
      );
      return { jobId: job.id };
    },
    'eval:report': ({ jobId }) => {
      const parsed = EvaluationReport.safeParse(reportOf(jobId));
      if (!parsed.success) throw new AppError('NOT_FOUND', `${jobId} is not an evaluation job with a report`);
      return parsed.data;
    },
  };

  /** From the running session's jobs, else from the project's job history. */
  function reportOf(jobId: JobId): unknown {
    const store = session.require();
    const live = jobs.has(jobId);
    const known = live ? jobs.get(jobId) : store.getJob(jobId);
    if (!known) throw new AppError('NOT_FOUND', `no job ${jobId}`);
    if (known.state !== 'done') {
      throw new AppError('CONFLICT', `${jobId} is ${known.state}; its report is ready when it is done`);
    }
    return live ? jobs.report(jobId) : store.getJobReport(jobId);
  }
}
