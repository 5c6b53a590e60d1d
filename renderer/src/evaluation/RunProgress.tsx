import { formatEta, percent } from '../lib/format';
import { useJobs } from '../stores/jobsStore';
import type { Run } from './evaluationStore';

/** One pack's run while it is going: a progress bar fed by the job's events, then nothing. */
export function RunProgress({ run, name, slot }: { run: Run; name: string; slot: string }) {
  const job = useJobs((s) => s.jobs.find((j) => j.id === run.jobId));
  if (run.report) return null;
  if (run.error)
    return (
      <p className="eval__error" role="alert" data-testid={`eval-error-${slot}`}>
        {name}: {run.error}
      </p>
    );
  const done = job?.done ?? 0;
  const total = job?.total ?? 0;
  const pct = percent(done, total);
  const eta = formatEta(job?.etaMs ?? null);
  const state =
    !job || job.state === 'queued' ? 'waiting' : job.state === 'done' ? 'reading the report' : 'running';
  return (
    <div className="eval-progress" data-testid={`eval-progress-${slot}`}>
      <span className="eval-progress__name">{name}</span>
      <div
        className="meter meter--wide"
        role="progressbar"
        aria-label={`Evaluating ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span className="meter__fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="muted eval-progress__text">
        {state} · {done}/{total || '?'} images · {pct} %{eta && ` · ${eta} left`}
      </span>
    </div>
  );
}
