import type { Job } from '../../../electron/contract';

export type LossPoint = { step: number; loss: number };

// The fine-tune job's message while training, as electron/core/finetune/finetune-job.ts words it:
// "adapter step 3/12, loss 1.2345". The job's done/total carry the step too; the loss is only here.
const ADAPTER_STEP = /^adapter step (\d+)\/(\d+), loss (\S+)$/;

/** The training step and loss a job message reports, or null for any other message. */
export function lossOf(message: string): LossPoint | null {
  const match = ADAPTER_STEP.exec(message.trim());
  if (!match) return null;
  const loss = Number(match[3]);
  return Number.isFinite(loss) ? { step: Number(match[1]), loss } : null;
}

/** Adds a progress event's loss to the curve: each step once, in order, whatever events repeat. */
export function withLoss(points: readonly LossPoint[], message: string): readonly LossPoint[] {
  const point = lossOf(message);
  const last = points[points.length - 1];
  if (!point || (last && point.step <= last.step)) return points;
  return [...points, point];
}

export type Phase = 'waiting' | 'exporting' | 'training' | 'comparing' | 'finished';

/** Where a running fine-tune is, from its job: before, during or after the adapter steps. */
export function phaseOf(job: Job | undefined): Phase {
  if (!job || job.state === 'queued') return 'waiting';
  if (job.state !== 'running') return 'finished';
  if (job.total === 0) return 'exporting';
  return job.done < job.total ? 'training' : 'comparing';
}
