import type { Job, Problem } from '../contract';
import type { CliSession } from './cli-session';

const PAGE = 5000;

/** Every problem of the job, page by page: the job snapshot and its events are not the record. */
export async function allProblems(session: CliSession, job: Job): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (;;) {
    const page = await session.call('jobs:problems', { jobId: job.id, offset: problems.length, limit: PAGE });
    problems.push(...page.problems);
    if (page.problems.length === 0 || problems.length >= page.total) return problems;
  }
}

const importCounts = ['added', 'updated', 'unchanged', 'moved', 'failed'] as const;

export function failedCount(job: Job): number {
  return job.outcome.failed ?? job.failed;
}

/** The report a person reads after an import: counts first, then every problem as `file: reason`. */
export function formatImportReport(job: Job, problems: Problem[]): string {
  const lines = [`${job.title}: ${job.state}, ${job.done} of ${job.total} images`];
  for (const name of importCounts) {
    const count = name === 'failed' ? failedCount(job) : (job.outcome[name] ?? 0);
    lines.push(`  ${name.padEnd(10)}${String(count).padStart(7)}`);
  }
  if (problems.length > 0) {
    lines.push(`Problems (${problems.length}):`);
    for (const problem of problems) lines.push(`  ${problem.file}: ${problem.reason}`);
  }
  if (job.state !== 'done') lines.push(`The import ${job.state}: ${job.message}`);
  return `${lines.join('\n')}\n`;
}
