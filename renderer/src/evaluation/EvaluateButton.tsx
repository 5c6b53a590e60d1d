import { withKey } from '../keys/hint';
import { useKeys } from '../keys/useKeys';
import { useEvaluation } from './evaluationStore';

/** The way in from the dataset toolbar, and its key (E in the grid). */
export function EvaluateButton() {
  const show = useEvaluation((s) => s.show);
  useKeys('browser', { evaluate: () => show(true) });
  return (
    <button
      type="button"
      className="btn"
      onClick={() => show(true)}
      data-testid="evaluate-button"
      title={withKey('Evaluate model packs against the labels', 'evaluate', 'browser')}
    >
      Evaluate
    </button>
  );
}
