import type { Problem } from '../../../electron/contract';

/** File and reason per problem: enough to find and fix the file without opening a log. */
export function ProblemList({ problems, total }: { problems: Problem[]; total: number }) {
  if (!problems.length) return null;
  return (
    <div className="problems" data-testid="job-problems">
      <ul className="problems__list">
        {problems.map((p, i) => (
          <li key={`${p.file}-${i}`} className="problems__item">
            <span className="problems__file" title={p.file}>
              <span className="ltr">{p.file}</span>
            </span>
            <span className="problems__reason">{p.reason}</span>
          </li>
        ))}
      </ul>
      {total > problems.length && (
        <div className="muted problems__more">{total - problems.length} more in the job report</div>
      )}
    </div>
  );
}
