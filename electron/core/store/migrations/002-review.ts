/**
 * Review: a verdict per predicted region. Confirmed, retyped and redrawn ones are also linked
 * from the human region they produced (regions.review_outcome), but a false positive has no
 * region, so the verdicts need a table of their own. Mutable current state, like regions; the
 * revision log keeps how it got there.
 */
export const version = 2;
export const name = 'review';

export const sql = /* sql */ `
CREATE TABLE prediction_reviews (
  sample_id            INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  prediction_region_id INTEGER NOT NULL REFERENCES prediction_regions(id) ON DELETE CASCADE,
  outcome              TEXT NOT NULL CHECK (outcome IN ('confirmed', 'false_positive', 'retyped', 'redrawn')),
  region_id            INTEGER REFERENCES regions(id),
  revision             INTEGER NOT NULL REFERENCES revisions(id),
  PRIMARY KEY (sample_id, prediction_region_id),
  CHECK ((outcome = 'false_positive') = (region_id IS NULL))
) STRICT, WITHOUT ROWID;

-- A prediction belongs to image content, not to a path: the same bytes at two paths share one
-- (predictions are unique per model pack and content hash), so lookups go by content.
CREATE INDEX predictions_content ON predictions (content_hash, id);

-- Undo and restore never reach past a revision that rewrote a label outside the edit log (an
-- import); finding the newest one must not scan an image's whole history on every edit. The
-- condition is repeated word for word by the query in label-edits-log.ts, so SQLite uses this.
CREATE INDEX revisions_barriers ON revisions (sample_id, id)
  WHERE action NOT LIKE 'label:%' AND action NOT IN ('file-changed', 'move');
`;
