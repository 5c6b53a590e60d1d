import { writeFileSync } from 'node:fs';
import type { BoxShape, SampleDetail, Shape } from '../../../electron/contract';

/** What the made-up model did with one region, so a test knows the right decision for it. */
export type PlannedRegion = {
  truth: 'correct' | 'wrongType' | 'falsePositive';
  predictedType: string;
  /** The right type (the ground truth's); null for a false positive. */
  trueType: string | null;
  shape: Shape;
};

export type ImagePlan = {
  sampleId: number;
  relPath: string;
  regions: PlannedRegion[];
  /** Ground-truth regions the model left out. */
  missed: { defectType: string | null; shape: Shape }[];
  /** The model passed the part as OK (score under the threshold): a candidate for a blind audit. */
  passed: boolean;
};

/** A small seeded generator, so the same fixture always gives the same predictions. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const overlaps = (a: BoxShape, b: { x: number; y: number; w: number; h: number }) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function boundsOf(shape: Shape) {
  if (shape.kind !== 'polygon') return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
  const xs = shape.points.map((p) => p[0]);
  const ys = shape.points.map((p) => p[1]);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    w: Math.max(...xs) - Math.min(...xs),
    h: Math.max(...ys) - Math.min(...ys),
  };
}

/** A box of the given size where no ground-truth region is: a plausible false positive. */
function emptySpot(sample: SampleDetail, next: () => number, size = 24): BoxShape {
  for (let tries = 0; tries < 200; tries++) {
    const box: BoxShape = {
      kind: 'box',
      x: Math.floor(next() * (sample.width - size)),
      y: Math.floor(next() * (sample.height - size)),
      w: size,
      h: size,
    };
    if (!sample.regions.some((r) => overlaps(box, boundsOf(r.shape)))) return box;
  }
  return { kind: 'box', x: 0, y: 0, w: size, h: size };
}

/**
 * Predictions for the given images, built from their ground truth with known mistakes: per image
 * the first region right, the second given a wrong type, the third left out (missed), at most
 * `maxRegions` predicted, plus one false positive on every other image. Images at the indexes in
 * `passed` the model lets through as OK with no region at all (it missed everything).
 */
export function planPredictions(
  samples: SampleDetail[],
  types: string[],
  { seed = 7, maxRegions = 3, passed = [] as number[] } = {},
): ImagePlan[] {
  const next = random(seed);
  return samples.map((sample, index) => {
    const regions: PlannedRegion[] = [];
    const missed: ImagePlan['missed'] = [];
    if (passed.includes(index)) {
      const all = sample.regions.map((r) => ({ defectType: r.defectType, shape: r.shape }));
      return { sampleId: sample.id, relPath: sample.relPath, regions, missed: all, passed: true };
    }
    sample.regions.forEach((region, i) => {
      const trueType = region.defectType ?? types[0]!;
      if (i === 2) missed.push({ defectType: region.defectType, shape: region.shape });
      else if (regions.length >= maxRegions) return;
      else if (i === 1) {
        const wrong = types.find((t) => t !== trueType) ?? trueType;
        regions.push({ truth: 'wrongType', predictedType: wrong, trueType, shape: region.shape });
      } else regions.push({ truth: 'correct', predictedType: trueType, trueType, shape: region.shape });
    });
    if (index % 2 === 0 && regions.length < maxRegions + 1) {
      regions.push({
        truth: 'falsePositive',
        predictedType: types[index % types.length]!,
        trueType: null,
        shape: emptySpot(sample, next),
      });
    }
    return { sampleId: sample.id, relPath: sample.relPath, regions, missed, passed: false };
  });
}

/** Writes the plans as a "mau-studio-predictions" file (see electron/core/review/predictions-file.ts). */
export function writePredictionsFile(path: string, plans: ImagePlan[], seed = 7): void {
  const next = random(seed + 1);
  const score = (truth: PlannedRegion['truth']) =>
    Math.round((truth === 'falsePositive' ? 0.3 + next() * 0.3 : 0.7 + next() * 0.28) * 100) / 100;
  const predictions = plans.map((plan) => {
    const regions = plan.regions.map((r) => ({
      defectType: r.predictedType,
      score: score(r.truth),
      shape: r.shape,
    }));
    const top = plan.passed ? 0.2 : Math.max(0.1, ...regions.map((r) => r.score));
    return {
      image: plan.relPath,
      score: top,
      regions,
      texts: { '4': `${regions.length} suspected defects.`, '5': 'Generated for the end-to-end test.' },
    };
  });
  const file = {
    format: 'mau-studio-predictions',
    version: 1,
    model: { name: 'e2e-model', version: '1', kind: 'external', threshold: 0.5 },
    predictions,
  };
  writeFileSync(path, JSON.stringify(file, null, 1));
}
