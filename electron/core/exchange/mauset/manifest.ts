import type { Taxonomy } from '../../../contract';
import { OK_IMAGE_POLICY } from '../../mauset-qa';
import { APP_VERSION } from '../../version';
import { licenceOf } from './licences';
import { MAUSET_FORMAT, MAUSET_VERSION, type Manifest } from './record-schema';
import { NEAR_DUPLICATE_BITS } from './near-duplicates';
import { DEFAULT_RATIOS, NEAR_DUPLICATE_GROUP_SHARE, type NearDuplicateStats } from './splits';
import type { ExportTally } from './tally';

export const SPLIT_METHOD =
  'hash of a group key: images of one part (views, a test image and its template) and identical bytes share a group, ' +
  `near-duplicates (visual hashes at most ${NEAR_DUPLICATE_BITS} of 256 bits apart) join it while it holds at most ` +
  `${NEAR_DUPLICATE_GROUP_SHARE * 100} % of the images (at least a pair), and a group one split`;

export function buildManifest(
  tally: ExportTally,
  project: string,
  taxonomy: Taxonomy,
  options: { reviewedOnly: boolean; copyImages: boolean },
  nearDuplicates: NearDuplicateStats,
): Manifest {
  return {
    format: MAUSET_FORMAT,
    version: MAUSET_VERSION,
    created: new Date().toISOString(),
    generator: `MAU Studio ${APP_VERSION}`,
    project,
    taxonomy: {
      domains: taxonomy.domains,
      defect_types: taxonomy.defectTypes.map((t) => ({ name: t.name, category: t.category || null })),
    },
    counts: {
      samples: tally.samples,
      regions: tally.regions,
      skipped: tally.skipped.length,
      verdicts: tally.verdicts,
      levels: tally.levels,
      domains: tally.domains,
      defect_types: tally.defectTypes,
      splits: tally.splits,
      corrections: tally.corrections,
    },
    split_policy: {
      method: SPLIT_METHOD,
      ratios: { ...DEFAULT_RATIOS },
      near_duplicates: {
        max_bits: NEAR_DUPLICATE_BITS,
        max_group: nearDuplicates.maxGroup,
        pairs: nearDuplicates.pairs,
        together: nearDuplicates.together,
        kept_apart: nearDuplicates.keptApart,
        across_splits: nearDuplicates.acrossSplits,
      },
    },
    ok_images: OK_IMAGE_POLICY,
    options: { reviewed_only: options.reviewedOnly, copy_images: options.copyImages },
    skipped: tally.skipped,
    sources: Object.entries(tally.sources)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, images]) => ({ name, images, licence: licenceOf(name) })),
  };
}
