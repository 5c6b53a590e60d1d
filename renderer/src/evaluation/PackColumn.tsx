import { useMemo, useState } from 'react';
import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { PackCharts } from './PackCharts';
import { saveReport } from './saveReport';
import { SkippedCounts } from './SkippedCounts';
import { ThresholdPanel } from './ThresholdPanel';
import { ratesAt, sliderStops, stopFor } from './thresholdRates';

/** One pack's results: counts, the threshold trade-off and the charts, and its report to save. */
export function PackColumn({
  report,
  name,
  slot,
}: {
  report: EvaluationReport;
  name: string;
  slot: 'a' | 'b';
}) {
  const stops = useMemo(() => sliderStops(report), [report]);
  // The slider starts where the run's threshold judges, so it agrees with the headline numbers.
  const [stop, setStop] = useState(() => stopFor(stops, report.threshold));
  const point = stops[Math.min(stop, stops.length - 1)];
  const rates = useMemo(
    () => (point ? ratesAt(point, report.total.ok, report.total.ng) : null),
    [point, report],
  );
  return (
    <section
      className="card eval-column"
      aria-label={`Results of ${name}`}
      data-testid={`eval-column-${slot}`}
    >
      <header className="eval-column__head">
        <h2 data-testid={`eval-column-name-${slot}`}>{name}</h2>
        <span className="muted">{report.pack.kind}</span>
        <span className="toolbar__spacer" />
        <button
          type="button"
          className="btn btn--small"
          onClick={() => saveReport(report)}
          data-testid={`eval-save-${slot}`}
          title="Save this pack's report as one self-contained HTML file"
        >
          Save report
        </button>
      </header>
      <SkippedCounts report={report} slot={slot} />
      <ThresholdPanel
        slot={slot}
        name={name}
        stops={stops.length}
        stop={stop}
        rates={rates}
        packThreshold={stop === stopFor(stops, report.threshold) ? report.threshold : null}
        onStop={setStop}
      />
      <PackCharts report={report} slot={slot} rates={rates} />
    </section>
  );
}
