/** The image's anomaly score as a bar, with a tick at the decision threshold. */
export function ScoreBar({ score, threshold }: { score: number | null; threshold: number }) {
  const clamped = score === null ? 0 : Math.max(0, Math.min(1, score));
  const over = score !== null && score >= threshold;
  return (
    <div className="score" data-testid="score-bar" title={`score ${score ?? '—'} · threshold ${threshold}`}>
      <span className="score__label">score</span>
      <span className="score__value">{score === null ? '—' : score.toFixed(2)}</span>
      <span className="score__track" aria-hidden>
        <span className={`score__fill${over ? ' is-over' : ''}`} style={{ width: `${clamped * 100}%` }} />
        <span className="score__tick" style={{ left: `${threshold * 100}%` }} />
      </span>
    </div>
  );
}
