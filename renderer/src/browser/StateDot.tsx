import type { ReviewState } from '../../../electron/contract';

/** The review state at a glance; the colour legend is in the filter sidebar's review-state facet. */
export function StateDot({ state, title }: { state: ReviewState; title?: string }) {
  return (
    <span className={`state-dot state-dot--${state}`} title={title} aria-label={title} data-state={state} />
  );
}
