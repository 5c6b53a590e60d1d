import type { Job, JobId } from '../contract';
import type { CliIo } from './cli-io';
import type { CliSession } from './cli-session';
import { createProgressPrinter } from './import-progress';
import { createJobFollower } from './job-follower';
import { waitForSignal } from './wait-for-signal';

/**
 * Starts a job, shows its progress on stderr, cancels it on Ctrl+C, and resolves with the job
 * once it has ended. Listening starts before `start` is called: a job's first events can arrive
 * before the call that started it answers.
 */
export async function runJob(
  session: CliSession,
  io: CliIo,
  what: string,
  start: () => Promise<{ jobId: JobId }>,
): Promise<Job> {
  const progress = createProgressPrinter(io);
  const follower = createJobFollower(session.core, (job) => progress.update(job));
  try {
    const { jobId } = await start();
    void waitForSignal().then(() => {
      io.err(`\ncancelling the ${what}…\n`);
      void session.invoke('jobs:cancel', { jobId });
    });
    return await follower.follow(jobId);
  } finally {
    follower.stop();
    progress.finish();
  }
}
