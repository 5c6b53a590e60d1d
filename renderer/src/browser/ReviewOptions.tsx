import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useReview } from '../stores/reviewStore';

const percent = (v: number) => Math.round(v * 1000) / 10;

/** The review queue's threshold and blind-audit share, for this workstation. */
export function ReviewOptions({ onClose }: { onClose(): void }) {
  const options = useReview((s) => s.options);
  const [threshold, setThreshold] = useState(String(options.threshold));
  const [share, setShare] = useState(String(percent(options.auditShare)));
  const t = Number(threshold);
  const a = Number(share) / 100;
  const valid = threshold !== '' && share !== '' && t >= 0 && t <= 1 && a >= 0 && a <= 1;
  const save = () => {
    if (!valid) return;
    useReview.getState().setOptions({ threshold: t, auditShare: a });
    onClose();
  };
  return (
    <Dialog title="Review queue" onClose={onClose} testId="review-options">
      <form
        className="dialog__body"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span className="field__label">
            Decision threshold on the image score (0–1): images closest to it come first
          </span>
          <input
            className="input"
            type="number"
            min={0}
            max={1}
            step={0.01}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            data-autofocus
            data-testid="review-threshold"
          />
        </label>
        <label className="field">
          <span className="field__label">
            Blind audits: share of the images the model passed, shown without its verdict (%)
          </span>
          <input
            className="input"
            type="number"
            min={0}
            max={100}
            step={0.5}
            value={share}
            onChange={(e) => setShare(e.target.value)}
            data-testid="review-audit-share"
          />
        </label>
        {!valid && <p className="meta__error">The threshold must lie in 0–1 and the share in 0–100 %.</p>}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!valid}
            data-testid="review-options-save"
          >
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
