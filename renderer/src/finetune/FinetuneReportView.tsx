import type { FinetuneReport } from '../../../electron/contract/api-finetune';
import { betterOf, formatValue } from '../evaluation/headlineMetrics';
import { formatCount, formatEta } from '../lib/format';
import { SUMMARY_METRICS } from './summaryMetrics';

type Props = { report: FinetuneReport; onCompare(): void; onAgain(): void; onClose(): void };

/** The finished run: the new pack, what it trained on, and base against new on the held-out images. */
export function FinetuneReportView({ report, onCompare, onAgain, onClose }: Props) {
  const { base, tuned } = report.comparison;
  return (
    <div className="dialog__body finetune" data-testid="finetune-report">
      <p className="finetune__done">
        New pack{' '}
        <strong data-testid="finetune-new-pack">{`${report.tuned.name} ${report.tuned.version}`}</strong>{' '}
        registered in this project.
      </p>
      <p className="muted finetune__path" title={report.tuned.dir}>
        {report.tuned.dir}
      </p>
      <p className="muted">
        {formatCount(report.steps)} adapter steps in {formatEta(report.trainingMs)} on{' '}
        {formatCount(report.data.train)} training and {formatCount(report.data.val)} validation images.
      </p>
      {report.heldOut === 0 && (
        <p className="finetune__warning" role="alert" data-testid="finetune-no-held-out">
          The export held no images out (its test split is empty), so the two packs could not be compared.
          Label more images — whole parts and templates go to one split together — and fine-tune again.
        </p>
      )}
      <table className="finetune__table" data-testid="finetune-comparison">
        <caption className="finetune__caption">
          On the same {formatCount(report.heldOut)} held-out images (test split), each pack at its own
          threshold
        </caption>
        <thead>
          <tr>
            <th scope="col">metric</th>
            <th scope="col" data-testid="finetune-base-name">
              {`${base.name} ${base.version}`} <span className="muted">(base)</span>
            </th>
            <th scope="col">
              {`${tuned.name}`} <span className="muted">(new)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Images scored</th>
            <td>{formatCount(base.evaluated)}</td>
            <td>{formatCount(tuned.evaluated)}</td>
          </tr>
          {SUMMARY_METRICS.map((m) => {
            const [a, b] = [m.value(base), m.value(tuned)];
            const better = betterOf(a, b, m.higherIsBetter);
            return (
              <tr key={m.key} data-metric={m.key}>
                <th scope="row" title={m.hint}>
                  {m.label}
                  <span className="muted">{m.higherIsBetter ? ' ↑' : ' ↓'}</span>
                </th>
                <td data-better={better === 'a' || undefined}>{formatValue(a, m.format)}</td>
                <td data-better={better === 'b' || undefined}>{formatValue(b, m.format)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
        <button type="button" className="btn" onClick={onAgain} data-testid="finetune-again">
          Fine-tune again…
        </button>
        <button
          type="button"
          className="btn btn--primary"
          onClick={onCompare}
          data-autofocus
          data-testid="finetune-compare"
          title="Open the Evaluation screen with both packs side by side: curves, histograms, confusion"
        >
          Compare on the Evaluation screen
        </button>
      </div>
    </div>
  );
}
