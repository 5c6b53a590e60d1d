import type { LossPoint } from './progressText';

const W = 320;
const H = 72;
const PAD = 4;

/** The adapter's training loss so far, one point per step the progress events reported. */
export function LossChart({ points, steps }: { points: readonly LossPoint[]; steps: number }) {
  if (points.length === 0) return null;
  const losses = points.map((p) => p.loss);
  const [low, high] = [Math.min(...losses), Math.max(...losses)];
  const span = high - low || 1;
  const lastStep = Math.max(steps, points[points.length - 1]!.step, 1);
  const x = (step: number) => PAD + ((W - 2 * PAD) * step) / lastStep;
  const y = (loss: number) => PAD + (H - 2 * PAD) * (1 - (loss - low) / span);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.step).toFixed(1)},${y(p.loss).toFixed(1)}`);
  return (
    <figure className="finetune-loss" data-testid="finetune-loss">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Training loss over ${points.length} steps`}>
        <rect className="finetune-loss__frame" x={0.5} y={0.5} width={W - 1} height={H - 1} />
        <path className="finetune-loss__line" d={d.join(' ')} />
      </svg>
      <figcaption className="muted">
        loss {high.toFixed(3)} → {losses[losses.length - 1]!.toFixed(3)}
      </figcaption>
    </figure>
  );
}
