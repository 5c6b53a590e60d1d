import { formatCount } from '../lib/format';
import { useReview } from '../stores/reviewStore';

/** What is left to review for the grid's filter: always on screen while a project is open. */
export function ReviewLeft() {
  const stats = useReview((s) => s.stats);
  if (!stats) return null;
  return (
    <span
      className="status__item status__todo"
      data-testid="review-left"
      title={`${stats.reviewed} of ${stats.total} reviewed; ${stats.auditsReviewed} blind audits done`}
    >
      <strong data-testid="review-left-count">{formatCount(stats.left)}</strong> left
      <span className="muted">
        {' '}
        · {formatCount(stats.reviewed)} / {formatCount(stats.total)} reviewed
      </span>
    </span>
  );
}
