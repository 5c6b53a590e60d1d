import type { Job, JobId } from '../contract';
import type { Core } from '../core/core-types';

const finalStates = new Set<Job['state']>(['done', 'failed', 'cancelled']);

/**
 * Listens before the job is started (its first events can arrive before `import:start` answers),
 * then follows one job's progress until it ends.
 */
export function createJobFollower(core: Core, onProgress: (job: Job) => void) {
  const early: Job[] = [];
  let target: { id: JobId; resolve: (job: Job) => void } | null = null;

  const handle = (job: Job) => {
    if (!target) {
      early.push(job);
      return;
    }
    if (job.id !== target.id) return;
    onProgress(job);
    if (finalStates.has(job.state)) target.resolve(job);
  };

  const unsubscribe = core.subscribe((name, payload) => {
    if (name === 'job:progress') handle(payload as Job);
  });

  return {
    follow(id: JobId): Promise<Job> {
      return new Promise<Job>((resolve) => {
        target = { id, resolve };
        for (const job of early.splice(0)) handle(job);
      }).finally(unsubscribe);
    },
    stop: unsubscribe,
  };
}
