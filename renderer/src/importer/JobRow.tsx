import type { Job } from '../../../electron/contract';
import { formatEta, percent } from '../lib/format';
import { isActive, useJobs } from '../stores/jobsStore';
import { ProblemList } from './ProblemList';

const stateText: Record<Job['state'], string> = {
  queued: 'waiting',
  running: 'running',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

function finishedText(job: Job): string {
  const took = Date.parse(job.finishedAt ?? '') - Date.parse(job.startedAt);
  const when = new Date(job.finishedAt ?? '').toLocaleTimeString();
  return Number.isFinite(took)
    ? `finished at ${when}, took ${formatEta(Math.max(0, took))}`
    : `finished at ${when}`;
}

export function JobRow({ job }: { job: Job }) {
  const cancel = useJobs((s) => s.cancel);
  const live = useJobs((s) => s.live[job.id]);
  const active = isActive(job);
  const pct = percent(job.done, job.total);
  // The job's own list is authoritative once it has one; live events fill the gap before that.
  const problems = job.problems.length ? job.problems : (live ?? []);
  const problemCount = Math.max(job.problemCount, problems.length);
  return (
    <li className={`job job--${job.state}`} data-testid="job-row" data-state={job.state}>
      <div className="job__head">
        <span className="job__title">{job.title}</span>
        <span className={`job__state job__state--${job.state}`}>{stateText[job.state]}</span>
        {active && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => void cancel(job.id)}
            data-testid="job-cancel"
          >
            Cancel
          </button>
        )}
      </div>
      <div className="meter meter--wide" aria-hidden>
        <span className="meter__fill" style={{ width: `${active ? pct : 100}%` }} />
      </div>
      <div className="job__counts">
        {job.done} / {job.total || '?'} · {pct} %{job.failed > 0 && ` · ${job.failed} failed`}
        {active && job.etaMs !== null && ` · ${formatEta(job.etaMs)} left`}
        {problemCount > 0 && ` · ${problemCount} problem${problemCount === 1 ? '' : 's'}`}
      </div>
      {job.message && job.state !== 'done' && <div className="job__message">{job.message}</div>}
      {job.state === 'done' && job.finishedAt && <div className="job__message">{finishedText(job)}</div>}
      <ProblemList problems={problems} total={problemCount} />
    </li>
  );
}
