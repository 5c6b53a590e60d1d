import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError, type Handlers } from '../../contract';
import type { EventBus } from '../event-bus';
import { runImport } from '../jobs/import-job';
import type { JobManager } from '../jobs/job-manager';
import type { ProjectSession } from '../project-session';

export function jobHandlers(deps: {
  session: ProjectSession;
  jobs: JobManager;
  bus: EventBus;
}): Pick<Handlers, 'import:start' | 'jobs:list' | 'jobs:get' | 'jobs:cancel' | 'jobs:problems'> {
  const { session, jobs, bus } = deps;
  return {
    'import:start': (input) => {
      const store = session.require();
      const source = resolve(input.source);
      if (!existsSync(source) || !statSync(source).isDirectory()) {
        throw new AppError('NOT_FOUND', `${source}: no such folder to import`);
      }
      store.addImageRoot(source);
      const job = jobs.start('import', `Import ${input.sourceName ?? basename(source)}`, (context) =>
        runImport(store, { ...input, source }, context, () =>
          bus.emit('samples:changed', { reason: 'import' }),
        ),
      );
      return { jobId: job.id };
    },
    // Jobs of earlier sessions live only in the store: list them too, so an interrupted job
    // can still be found (and resumed) after a restart.
    'jobs:list': () => {
      const live = jobs.list();
      const liveIds = new Set(live.map((job) => job.id));
      const stored = session.store?.listJobs(50).filter((job) => !liveIds.has(job.id)) ?? [];
      return [...live, ...stored];
    },
    'jobs:get': ({ jobId }) => {
      if (jobs.has(jobId)) return jobs.get(jobId);
      const stored = session.store?.getJob(jobId);
      if (!stored) throw new AppError('NOT_FOUND', `no job ${jobId}`);
      return stored;
    },
    'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
    'jobs:problems': ({ jobId, offset, limit }) => {
      const all = jobs.problems(jobId);
      return { total: all.length, problems: all.slice(offset, offset + limit) };
    },
  };
}
