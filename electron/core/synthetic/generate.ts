import { paintContamination } from './defects/contamination';
import { paintCrack } from './defects/crack';
import type { DefectPainter, DefectType } from './defects/defect';
import { paintHole } from './defects/hole';
import { paintMissing } from './defects/missing';
import { paintScratch } from './defects/scratch';
import { paintStain } from './defects/stain';
import { DOMAINS, type DomainName } from './domains';
import type { Bitmap, RgbImage } from './image';
import { measureMask, type MaskMeasure } from './measure';
import { createRng } from './prng';

const PAINTERS: Record<DefectType, DefectPainter> = {
  scratch: paintScratch,
  crack: paintCrack,
  stain: paintStain,
  hole: paintHole,
  missing: paintMissing,
  contamination: paintContamination,
};

/** A painter whose shape keeps missing the part this often has a bug, not bad luck. */
const MAX_PLACEMENT_TRIES = 50;

export type SampleSpec = {
  /** Seed of this one image; the whole picture follows from it. */
  seed: number;
  category: DomainName;
  width: number;
  height: number;
  /** null: an OK image. */
  defect: DefectType | null;
};

export type DefectTruth = MaskMeasure & { type: DefectType; mask: Bitmap };

export type SyntheticSample = { image: RgbImage; defect: DefectTruth | null };

/** Renders one image and, for an NG spec, paints its defect and measures it on the result. */
export function generateSample(spec: SampleSpec): SyntheticSample {
  const rng = createRng(spec.seed);
  const domain = DOMAINS[spec.category];
  const surface = domain.render(rng, spec.width, spec.height);
  if (spec.defect === null) return { image: surface.image, defect: null };
  if (!(domain.defects as readonly DefectType[]).includes(spec.defect)) {
    throw new Error(`synthetic: a ${spec.defect} defect cannot be drawn on ${spec.category}`);
  }
  for (let attempt = 0; attempt < MAX_PLACEMENT_TRIES; attempt++) {
    const mask = PAINTERS[spec.defect](surface, rng);
    if (!mask) continue;
    const measure = measureMask(surface.image, mask, surface.area);
    return { image: surface.image, defect: { type: spec.defect, mask, ...measure } };
  }
  throw new Error(
    `synthetic: could not place a ${spec.defect} on ${spec.category} (seed ${spec.seed}) in ${MAX_PLACEMENT_TRIES} tries`,
  );
}
