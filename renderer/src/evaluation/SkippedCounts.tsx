import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { thresholdLabel } from '../../../electron/contract/evaluation-report/pack-decisions';

const reasons: Record<keyof EvaluationReport['skippedBy'], string> = {
  noPrediction: 'no prediction of this pack',
  noScore: 'prediction without a score',
  fileMissing: 'image file missing',
  unreadable: 'image unreadable',
  noTruth: 'label unsure or not set',
};

const pixelReasons: Record<keyof EvaluationReport['pixelSkippedBy'], string> = {
  noHeatmap: 'no anomaly map',
  heatmapUnreadable: 'anomaly map unreadable',
  ngWithoutRegions: 'NG without labelled regions',
};

function list<K extends string>(counts: Record<K, number>, names: Record<K, string>): string {
  const parts = (Object.keys(names) as K[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${names[k]}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** Who was scored and who was not, with the reasons, and the first problems by file. */
export function SkippedCounts({ report, slot }: { report: EvaluationReport; slot: string }) {
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  return (
    <div className="eval-counts" data-testid={`eval-counts-${slot}`}>
      <p>
        <strong>{report.evaluated}</strong> of {report.selected} images scored ({report.total.ok} OK,{' '}
        {report.total.ng} NG) at threshold {thresholdLabel(report)} in {seconds} s.
      </p>
      <p className="muted">
        Skipped {report.skipped}: {list(report.skippedBy, reasons)}. Left out of the pixel metrics:{' '}
        {list(report.pixelSkippedBy, pixelReasons)}.
      </p>
      {report.problemCount > 0 && (
        <details>
          <summary>{report.problemCount} problems</summary>
          <ul className="eval-problems">
            {report.problems.map((p, i) => (
              <li key={i}>
                <span className="ltr">{p.file}</span>: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
