import type { Migration } from '../migrate';
import * as initial from './001-initial';
import * as review from './002-review';
import * as facetIndex from './003-facet-index';
import * as visualHashes from './004-visual-hashes';

/** In order; a new migration is a new numbered file appended here, never an edit of a shipped one. */
export const migrations: readonly Migration[] = [initial, review, facetIndex, visualHashes];
