import type { Verdict } from '../../../electron/contract';
import type { LabelState } from '../../../electron/contract/review';
import { keyCap, withKey } from '../keys/hint';
import { useKeymap } from '../keys/keymapStore';
import { reviewStateLabel } from '../lib/colors';
import { useReview } from '../stores/reviewStore';
import { setVerdict } from '../viewer/reviewActions';
import { ModelChoice } from './ModelChoice';
import { ScoreBar } from './ScoreBar';

const choices: { verdict: Verdict; text: string; action: string; label: string }[] = [
  { verdict: 'OK', text: 'OK', action: 'verdictOk', label: 'The part is OK' },
  { verdict: 'NG', text: 'NG', action: 'verdictNg', label: 'The part is NG (defective)' },
  { verdict: 'unsure', text: '?', action: 'verdictUnsure', label: 'Unsure: needs a second look' },
];

/** Buttons never keep the focus, so the review keys keep working after a click. */
export const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

/** The image verdict (O / N / U) and, unless this is a blind audit, what the model said. */
export function VerdictBar({ state, audit }: { state: LabelState; audit: boolean }) {
  useKeymap((s) => s.keymap);
  const threshold = useReview((s) => s.options.threshold);
  const prediction = audit ? null : state.prediction;
  return (
    <section className="panel-section verdict-bar" aria-label="Verdict" data-testid="verdict-bar">
      <div className="verdict-bar__head">
        <h2 className="section-title">Verdict</h2>
        <span className={`verdict-bar__state is-${state.reviewState}`} data-testid="review-state">
          {reviewStateLabel[state.reviewState]}
        </span>
      </div>
      <div className="verdict-bar__buttons" role="group" aria-label="Set the verdict">
        {choices.map((c) => (
          <button
            key={c.verdict}
            type="button"
            className={`verdict-bar__btn verdict-bar__btn--${c.verdict}${state.verdict === c.verdict ? ' is-on' : ''}`}
            aria-pressed={state.verdict === c.verdict}
            onMouseDown={keepFocus}
            onClick={() => void setVerdict(c.verdict)}
            title={withKey(c.label, c.action)}
            data-testid={`verdict-${c.verdict}`}
          >
            {c.text}
            <kbd>{keyCap(c.action)}</kbd>
          </button>
        ))}
      </div>
      {audit && (
        <p className="verdict-bar__audit" data-testid="audit-note">
          Blind audit: judge the part yourself. The model’s verdict is hidden.
        </p>
      )}
      {prediction && (
        <div className="verdict-bar__model">
          <ModelChoice prediction={prediction} />
          <ScoreBar
            score={prediction.score}
            threshold={prediction.threshold ?? threshold}
            verdict={prediction.verdict}
          />
        </div>
      )}
      {!audit && !state.prediction && (
        <p className="verdict-bar__none" data-testid="no-prediction">
          <ModelChoice prediction={null} />
        </p>
      )}
    </section>
  );
}
