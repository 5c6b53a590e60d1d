import { formatEta, percent } from '../lib/format';
import { useJobs } from '../stores/jobsStore';
import type { FinetuneRun } from './finetuneStore';
import { LossChart } from './LossChart';
import { phaseOf, type Phase } from './progressText';

const phaseText: Record<Phase, string> = {
  waiting: 'Waiting for the jobs before it…',
  exporting: 'Exporting the labels as MAU-Set…',
  training: 'Training the adapter',
  comparing: 'Running both packs on the held-out images…',
  finished: 'Reading the report…',
};

/** A run while it goes: phase, step of steps, the latest loss, time left, and Cancel. */
export function FinetuneProgress({ run, onCancel }: { run: FinetuneRun; onCancel(): void }) {
  const job = useJobs((s) => s.jobs.find((j) => j.id === run.jobId));
  const phase = phaseOf(job);
  const [done, total] = [job?.done ?? 0, job?.total ?? 0];
  const pct = percent(done, total);
  const eta = phase === 'training' ? formatEta(job?.etaMs ?? null) : '';
  const last = run.losses[run.losses.length - 1];
  return (
    <div className="dialog__body finetune" data-testid="finetune-progress" data-phase={phase}>
      <p className="finetune__phase">{phaseText[phase]}</p>
      <div
        className="meter meter--wide"
        role="progressbar"
        aria-label="Adapter training steps"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span className="meter__fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="finetune__facts">
        <dt>Step</dt>
        <dd data-testid="finetune-step">{total > 0 ? `${done} / ${total}` : '–'}</dd>
        <dt>Loss</dt>
        <dd data-testid="finetune-last-loss">{last ? last.loss.toFixed(4) : '–'}</dd>
        <dt>Time left</dt>
        <dd>{eta || '–'}</dd>
      </dl>
      <LossChart points={run.losses} steps={total} />
      <p className="muted finetune__message" aria-live="polite">
        {job?.message ?? ''}
      </p>
      <div className="dialog__actions">
        <button
          type="button"
          className="btn"
          onClick={onCancel}
          disabled={phase === 'finished'}
          data-autofocus
          data-testid="finetune-cancel"
        >
          Cancel fine-tune
        </button>
      </div>
    </div>
  );
}
