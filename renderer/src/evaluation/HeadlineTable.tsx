import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { betterOf, formatValue, HEADLINES } from './headlineMetrics';

type Column = { slot: 'a' | 'b'; name: string; report: EvaluationReport };

const f1Threshold = (r: EvaluationReport) =>
  r.total.f1Max ? ` @ ${r.total.f1Max.threshold.toFixed(3)}` : '';

/** The headline numbers, one column per pack; with two packs the better value of each row is marked. */
export function HeadlineTable({ columns }: { columns: Column[] }) {
  const [a, b] = columns;
  return (
    <section>
      <h2 className="section-title" id="eval-headline-title">
        Headline numbers
      </h2>
      <table
        className="eval-table eval-headline"
        data-testid="eval-headline"
        aria-labelledby="eval-headline-title"
      >
        <thead>
          <tr>
            <th scope="col">metric</th>
            {columns.map((c) => (
              <th scope="col" key={c.slot} data-testid={`eval-headline-pack-${c.slot}`}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HEADLINES.map((h) => {
            const values = columns.map((c) => h.value(c.report));
            const better = a && b ? betterOf(values[0]!, values[1]!, h.higherIsBetter) : null;
            return (
              <tr key={h.key} data-metric={h.key}>
                <th scope="row" title={h.hint}>
                  {h.label}
                  <span className="muted eval-headline__dir">{h.higherIsBetter ? ' ↑' : ' ↓'}</span>
                </th>
                {columns.map((c, i) => {
                  const best = better === c.slot;
                  return (
                    <td
                      key={c.slot}
                      className={best ? 'is-better' : undefined}
                      data-testid={`eval-value-${h.key}-${c.slot}`}
                      data-better={best || undefined}
                    >
                      {formatValue(values[i]!, h.format)}
                      {h.key === 'f1' && <span className="muted">{f1Threshold(c.report)}</span>}
                      {best && <span className="eval-better"> ◆ better</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
