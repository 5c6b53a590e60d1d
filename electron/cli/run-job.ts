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

/** The exit code of a job that ended without finishing: 130 when cancelled (as Ctrl+C), else 1. */
export function unfinishedExitCode(job: Job): number {
  return job.state === 'cancelled' ? 130 : 1;
}

/**
 * runJob for a job whose result is kept and read back by its id: the report once it is done,
 * or, when it ended otherwise, the exit code after saying so on stderr.
 */
export async function runReportedJob<R>(
  session: CliSession,
  io: CliIo,
  what: string,
  start: () => Promise<{ jobId: JobId }>,
  readReport: (jobId: JobId) => Promise<R>,
): Promise<{ report: R } | { exitCode: number }> {
  const job = await runJob(session, io, what, start);
  if (job.state !== 'done') {
    io.err(`${what} ${job.state}: ${job.message}\n`);
    return { exitCode: unfinishedExitCode(job) };
  }
  return { report: await readReport(job.id) };
}
