import { useMemo } from 'react';
import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import {
  confusionGrid,
  scoreBars,
  unitCurve,
  UNIT_PLOT,
} from '../../../electron/contract/evaluation-report/svg-charts';
import { axisFraction } from '../../../electron/contract/evaluation-report/score-scale';
import { formatValue } from './headlineMetrics';
import { SvgFigure, type Marker } from './SvgFigure';
import type { ThresholdRates } from './thresholdRates';

function rocMarker(id: string, rates: ThresholdRates | null): Marker | undefined {
  if (!rates) return undefined;
  const cx = UNIT_PLOT.left + rates.fpr * UNIT_PLOT.width;
  const cy = UNIT_PLOT.top + (1 - rates.tpr) * UNIT_PLOT.height;
  return { id, attrs: { cx, cy } };
}

/** The threshold as a vertical line over the score bins, on the histogram's own axis. */
function thresholdLine(
  id: string,
  report: EvaluationReport,
  rates: ThresholdRates | null,
): Marker | undefined {
  const { edges, scale } = report.scoreHistogram;
  if (!rates) return undefined;
  const at = axisFraction(edges, scale, rates.threshold ?? (edges[edges.length - 1] as number));
  if (at === null) return undefined;
  const x = UNIT_PLOT.left + at * UNIT_PLOT.width;
  return { id, attrs: { x1: x, x2: x } };
}

/** Past this many types a confusion matrix in one column of charts is drawn too small to read. */
const WIDE_CONFUSION = 6;

/** ROC (with the slider's operating point), PR, OK vs NG score histogram and L2 confusion of one pack. */
export function PackCharts({
  report,
  slot,
  rates,
}: {
  report: EvaluationReport;
  slot: string;
  rates: ThresholdRates | null;
}) {
  const markerId = `roc-marker-${slot}`;
  const lineId = `score-marker-${slot}`;
  const svgs = useMemo(
    () => ({
      roc: unitCurve({
        title: `ROC of ${report.pack.name}`,
        xLabel: 'false positive rate (overkill)',
        yLabel: 'true positive rate',
        points: report.curves.roc.map((p) => [p.fpr, p.tpr] as const),
        diagonal: true,
        markerId,
      }),
      pr: unitCurve({
        title: `Precision-recall of ${report.pack.name}`,
        xLabel: 'recall',
        yLabel: 'precision',
        points: report.curves.pr.map((p) => [p.recall, p.precision] as const),
      }),
      histogram: scoreBars(report.scoreHistogram, lineId),
      confusion: confusionGrid(report.confusion.labels, report.confusion.matrix),
    }),
    [report, markerId, lineId],
  );
  const marker = useMemo(() => rocMarker(markerId, rates), [markerId, rates]);
  const line = useMemo(() => thresholdLine(lineId, report, rates), [lineId, report, rates]);
  return (
    <div className="eval-charts">
      <SvgFigure
        caption={`ROC · AUROC ${formatValue(report.total.auroc, 'ratio')}`}
        svg={svgs.roc}
        testId={`eval-chart-roc-${slot}`}
        marker={marker}
      />
      <SvgFigure
        caption={`Precision–recall · AP ${formatValue(report.total.averagePrecision, 'ratio')}`}
        svg={svgs.pr}
        testId={`eval-chart-pr-${slot}`}
      />
      <SvgFigure
        caption="Image scores: OK vs NG · line: threshold"
        svg={svgs.histogram}
        testId={`eval-chart-histogram-${slot}`}
        marker={line}
      />
      <SvgFigure
        caption={`L2 confusion (rows truth) · accuracy ${formatValue(report.confusion.accuracy, 'percent')}`}
        svg={svgs.confusion}
        testId={`eval-chart-confusion-${slot}`}
        wide={report.confusion.labels.length > WIDE_CONFUSION}
      />
    </div>
  );
}
