import type { Verdict } from '../../../electron/contract/domain';
import { scoreAgainstThreshold } from './scoreText';

/**
 * The image's anomaly score as a bar, with a tick at the threshold the model's verdict rests on
 * (the pack's own for the image's category where it has one, else the queue's), red when the
 * model called the part NG: a PCB scored 0.96 against its 0.997 was drawn red past a 0.5 tick
 * beside "Model: OK".
 */
export function ScoreBar({
  score,
  threshold,
  verdict,
}: {
  score: number | null;
  threshold: number;
  verdict: Verdict | null;
}) {
  const clamped = score === null ? 0 : Math.max(0, Math.min(1, score));
  const over = verdict ? verdict === 'NG' : score !== null && score >= threshold;
  return (
    <div className="score" data-testid="score-bar" title={`score ${score ?? '—'} · threshold ${threshold}`}>
      <span className="score__label">score</span>
      <span className="score__value">{score === null ? '—' : scoreAgainstThreshold(score, threshold)}</span>
      <span className="score__track" aria-hidden>
        <span className={`score__fill${over ? ' is-over' : ''}`} style={{ width: `${clamped * 100}%` }} />
        <span className="score__tick" style={{ left: `${Math.min(1, Math.max(0, threshold)) * 100}%` }} />
      </span>
    </div>
  );
}
