import { fileURLToPath } from 'node:url';
import type { Handlers } from '../../contract';
import { FinetuneReport } from '../../contract/api-finetune';
import type { EventBus } from '../event-bus';
import { checkExportable } from '../exchange';
import { baseDir, checkBase } from '../finetune/base-pack';
import { runFinetune } from '../finetune/finetune-job';
import { checkPython, pythonPath } from '../finetune/python-env';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';
import { readJobReport } from './job-report';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const RECIPE = fileURLToPath(new URL('../../../models/recipe/finetune.py', import.meta.url));

export function finetuneHandlers(deps: {
  session: ProjectSession;
  jobs: JobManager;
  bus: EventBus;
  modelsDir?: string;
}): Pick<Handlers, 'finetune:start' | 'finetune:report'> {
  const { session, jobs, bus } = deps;
  return {
    'finetune:start': async (input) => {
      const store = session.require();
      // Checked now, so a wrong base, no labels or no torch is an answer, not a failed job.
      const base = await checkBase(await baseDir(store, deps.modelsDir, input.base));
      checkExportable(store, {
        format: 'mauset',
        outDir: store.dir,
        filter: input.filter,
        copyImages: false,
        reviewedOnly: input.reviewedOnly,
      });
      const python = pythonPath();
      await checkPython(python);
      const job = jobs.start('training', `Fine-tune ${base.name} ${base.version}`, (context) =>
        runFinetune({ store, bus, python, recipe: RECIPE, repo: REPO }, input, base, context),
      );
      return { jobId: job.id };
    },
    'finetune:report': ({ jobId }) => readJobReport(deps, jobId, FinetuneReport, 'a fine-tune'),
  };
}
