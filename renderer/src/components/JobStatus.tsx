import { formatEta, percent } from '../lib/format';
import { isActive, useJobs } from '../stores/jobsStore';
import { useUi } from '../stores/uiStore';

/** The running job in one line: what, how far, how long still, and a way to stop it. */
export function JobStatus() {
  const jobs = useJobs((s) => s.jobs);
  const cancel = useJobs((s) => s.cancel);
  const setUi = useUi((s) => s.set);
  const running = jobs.filter(isActive);
  const job = running[0];
  if (!job) return null;
  const pct = percent(job.done, job.total);
  const eta = formatEta(job.etaMs);
  return (
    <span className="status__item status__job" data-testid="status-job">
      <button
        type="button"
        className="link"
        onClick={() => setUi({ jobsOpen: true })}
        title="Show the jobs panel (J)"
      >
        {job.title} {job.done}/{job.total || '?'} · {pct} %{eta && ` · ${eta} left`}
        {running.length > 1 && ` · +${running.length - 1} more`}
      </button>
      <span className="meter" aria-hidden>
        <span className="meter__fill" style={{ width: `${pct}%` }} />
      </span>
      <button
        type="button"
        className="icon-btn"
        aria-label={`Cancel ${job.title}`}
        onClick={() => void cancel(job.id)}
      >
        ×
      </button>
    </span>
  );
}
