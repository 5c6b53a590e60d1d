import type { Handlers } from '../../contract';
import { EvaluationReport } from '../../contract/api-evaluation';
import { evaluateProject, resolveEvaluatedPack } from '../evaluation';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';
import { readJobReport } from './job-report';

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
    'eval:report': ({ jobId }) => readJobReport(deps, jobId, EvaluationReport, 'an evaluation'),
  };
}
