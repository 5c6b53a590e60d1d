import { useEffect } from 'react';
import type { ModelPackInfo } from '../../../electron/contract/api-inference';
import { useReviewPack } from '../review/reviewPackStore';

/**
 * Whether review shows this pack's predictions, and the button that makes it (or stops) so: the
 * keyboard's way to the choice the verdict panel's list offers.
 */
export function ReviewPackRow({ pack }: { pack: ModelPackInfo }) {
  const { packs, underReview, loaded, load, choose } = useReviewPack();
  useEffect(() => {
    void load();
  }, [load, pack.predictionCount]);
  if (!loaded || pack.predictionCount === 0) return null;
  const shown = underReview === pack.packId;
  const other = packs.find((p) => p.packId === underReview);
  const now = shown
    ? 'shows this pack’s predictions'
    : other
      ? `shows ${other.name} ${other.version}’s predictions`
      : 'shows the newest prediction of any pack';
  return (
    <>
      <dt>Review</dt>
      <dd data-testid="pack-review">
        {`Review ${now}. `}
        <button
          type="button"
          className="btn btn--small"
          onClick={() => void choose(shown ? null : pack.packId)}
          data-testid="pack-review-toggle"
        >
          {shown ? 'Back to the newest of any pack' : 'Review this pack’s predictions'}
        </button>
      </dd>
    </>
  );
}
