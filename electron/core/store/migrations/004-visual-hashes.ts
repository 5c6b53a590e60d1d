/**
 * What each imported image looks like, as a 256-bit difference hash of its thumbnail (64 hex
 * digits, media/visual-hash.ts), keyed by content: the same bytes look the same wherever they lie.
 * Exports group near-duplicates into one split with it. Images imported before this table have
 * no row; an export hashes their thumbnails once and stores them here.
 */
export const version = 4;
export const name = 'visual-hashes';

export const sql = /* sql */ `
CREATE TABLE visual_hashes (
  content_hash TEXT PRIMARY KEY,
  hash         TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT, WITHOUT ROWID;
`;
