/** What the queue shows at a glance for each image (no schema here: the first screen reads it). */
export const REVIEW_STATES = ['unreviewed', 'ok', 'ng', 'corrected', 'audit', 'error'] as const;
export type ReviewStateName = (typeof REVIEW_STATES)[number];

export function isReviewState(value: unknown): value is ReviewStateName {
  return (REVIEW_STATES as readonly unknown[]).includes(value);
}
