import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { SUMMARY_COLUMNS, summaryRows } from '../../../electron/contract/evaluation-report/summary-text';

/** Per domain, category and defect type: the same rows as the CLI table and the HTML report. */
export function SliceTable({ report, name, slot }: { report: EvaluationReport; name: string; slot: string }) {
  const rows = summaryRows(report);
  return (
    <section className="eval-scroll">
      <h2 className="section-title" id={`eval-slices-title-${slot}`}>
        Slices · {name}
      </h2>
      <table
        className="eval-table eval-slices"
        data-testid={`eval-slices-${slot}`}
        aria-labelledby={`eval-slices-title-${slot}`}
      >
        <thead>
          <tr>
            {SUMMARY_COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th scope="row" key={j}>
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
