import type { LabelState, PredictionOutcome } from '../../../electron/contract/review';
import { keyCap, withKey } from '../keys/hint';
import { defectColor } from '../lib/colors';
import { useRowInView } from '../lib/useRowInView';
import { useTaxonomy } from '../stores/taxonomyStore';
import { useTool } from '../stores/toolStore';
import { useViewer } from '../stores/viewerStore';
import type { Selection } from '../tools/types';
import { confirmSelected, falsePositiveSelected } from '../viewer/reviewActions';
import { linkedRegion, reviewOf, undecided } from './reviewModel';
import { keepFocus } from './VerdictBar';

const outcomeText: Record<PredictionOutcome, string> = {
  confirmed: '✓ confirmed',
  false_positive: '✗ false positive',
  retyped: '↻ retyped',
  redrawn: '✎ redrawn',
};

type Props = { state: LabelState; onPick(selection: Selection): void };

/** The model's regions, each with its one-key verdict: C confirm, X false positive, 1–9 retype, V redraw. */
export function PredictionList({ state, onPick }: Props) {
  const colors = useTaxonomy((s) => s.colors);
  const selection = useViewer((s) => s.selection);
  const prediction = state.prediction;
  const selectedIndex =
    selection?.kind === 'prediction'
      ? (prediction?.regions.findIndex((p) => p.id === selection.id) ?? -1)
      : -1;
  const list = useRowInView<HTMLUListElement>(selectedIndex);
  if (!prediction) return null;
  const open = undecided(state, false).length;
  const act = (selection: Selection, run: () => Promise<void>) => {
    useViewer.getState().select(selection);
    void run();
  };
  return (
    <section className="panel-section" aria-label="Predicted regions" data-testid="prediction-list">
      <h2 className="section-title">
        Predicted regions <span className="muted">{prediction.regions.length}</span>
        {open > 0 && <span className="section-title__note">{open} to decide</span>}
      </h2>
      {prediction.regions.length === 0 && (
        <p className="muted" data-testid="prediction-list-empty">
          {prediction.verdict === 'NG'
            ? 'The model called it NG but listed no region: no area of its map peaks high enough. Check the heat map; + missed adds what you find.'
            : 'The model marked no region.'}
        </p>
      )}
      <ul className="regions regions--bounded" ref={list}>
        {prediction.regions.map((p, i) => {
          const item: Selection = { kind: 'prediction', id: p.id };
          const review = reviewOf(state, p.id);
          const linked = linkedRegion(state, p.id);
          const type = linked?.defectType ?? p.defectType;
          const selected = selection?.kind === 'prediction' && selection.id === p.id;
          return (
            <li
              key={p.id}
              className={`pred${selected ? ' is-selected' : ''}`}
              data-testid="prediction-item"
              data-outcome={review?.outcome ?? 'pending'}
            >
              <button
                type="button"
                className="pred__main"
                onMouseDown={keepFocus}
                onClick={() => onPick(item)}
                title="Select (Tab); Z zooms to it"
              >
                <span
                  className="chip-swatch chip-swatch--dashed"
                  style={{ borderColor: defectColor(colors, type) }}
                  aria-hidden
                />
                <span className="pred__name">
                  p{i + 1} {type ?? 'untyped'}
                  {review?.outcome === 'retyped' && (
                    <span className="muted"> (was {p.defectType ?? 'untyped'})</span>
                  )}
                </span>
                <span className="pred__score">{p.score === null ? '—' : p.score.toFixed(2)}</span>
                <span className={`pred__outcome is-${review?.outcome ?? 'pending'}`}>
                  {review ? outcomeText[review.outcome] : 'to decide'}
                </span>
              </button>
              <span className="pred__actions">
                <button
                  type="button"
                  className="icon-btn"
                  onMouseDown={keepFocus}
                  onClick={() => act(item, confirmSelected)}
                  title={withKey('Confirm', 'confirm')}
                  aria-label="Confirm"
                >
                  ✓
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  onMouseDown={keepFocus}
                  onClick={() => act(item, falsePositiveSelected)}
                  title={withKey('False positive', 'falsePositive')}
                  aria-label="False positive"
                >
                  ✗
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  onMouseDown={keepFocus}
                  onClick={() => {
                    useViewer.getState().select(item);
                    useTool.getState().setTool('select');
                  }}
                  title={withKey('Redraw: edit its shape', 'toolSelect')}
                  aria-label="Redraw"
                >
                  ✎
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {open > 0 && (
        <p className="hint">
          <kbd>{keyCap('confirm')}</kbd>confirm <kbd>{keyCap('falsePositive')}</kbd>false <kbd>1–9</kbd>retype{' '}
          <kbd>{keyCap('nextRegion')}</kbd>next
        </p>
      )}
    </section>
  );
}
