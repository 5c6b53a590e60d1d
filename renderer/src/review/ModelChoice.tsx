import { useEffect } from 'react';
import type { PackId } from '../../../electron/contract/api-inference';
import type { PredictionView } from '../../../electron/contract/review';
import { useReviewPack } from './reviewPackStore';

/**
 * Whose prediction this is: the pack's name, or, once several packs predicted in this project, a
 * choice of whose predictions review shows (every image, every window), newest of any by default.
 */
export function ModelChoice({ prediction }: { prediction: PredictionView | null }) {
  const { packs, underReview, loaded, load, choose } = useReviewPack();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const verdict = prediction ? `: ${prediction.verdict ?? '—'}` : ': no prediction for this image';
  if (packs.length < 2)
    return prediction ? (
      <span className="muted">
        Model {prediction.modelPack.name}
        {verdict}
      </span>
    ) : (
      <span className="muted">No prediction for this image.</span>
    );
  const newest = underReview === null && prediction ? ` (${prediction.modelPack.name})` : '';
  return (
    <span className="muted model-choice">
      <label>
        Model{' '}
        <select
          className="input model-choice__select"
          value={underReview ?? ''}
          onChange={(e) => {
            // Back to the image: the review keys do not reach a focused list.
            e.currentTarget.blur();
            void choose((e.target.value || null) as PackId | null);
          }}
          title="Whose predictions review shows, on every image"
          data-testid="model-choice"
        >
          <option value="">newest of any{newest}</option>
          {packs.map((p) => (
            <option key={p.packId} value={p.packId}>
              {p.name} {p.version}
            </option>
          ))}
        </select>
      </label>
      {verdict}
    </span>
  );
}
