import type { DefectType } from './defects/defect';
import { DOMAINS } from './domains';
import type { SampleSpec } from './generate';
import type { SyntheticOptions } from './options';
import { createRng, mixSeed } from './prng';

export type PlannedSample = SampleSpec & {
  split: 'train' | 'test';
  /** Path inside the dataset, `/`-separated (MVTec layout). */
  file: string;
  /** Ground-truth mask path, for NG images. */
  maskFile: string | null;
};

/**
 * Decides every image before any is drawn: categories take turns, every second image of a
 * category is NG, and NG images cycle through the category's defect types from a seeded
 * starting point, so a small dataset still shows each type. OK images alternate between
 * train/good and test/good; NG images are test images, as in MVTec AD.
 */
export function planDataset(options: SyntheticOptions): PlannedSample[] {
  const rng = createRng(options.seed);
  const offsets = new Map(options.domains.map((d) => [d, rng.int(0, DOMAINS[d].defects.length - 1)]));
  const perCategory = new Map<string, number>();
  const perFolder = new Map<string, number>();
  const plan: PlannedSample[] = [];
  for (let index = 0; index < options.count; index++) {
    const category = options.domains[index % options.domains.length]!;
    const nth = perCategory.get(category) ?? 0;
    perCategory.set(category, nth + 1);
    const ng = nth % 2 === 1;
    const types: readonly DefectType[] = DOMAINS[category].defects;
    const defect = ng ? types[(Math.floor(nth / 2) + offsets.get(category)!) % types.length]! : null;
    const split = ng || Math.floor(nth / 2) % 2 === 1 ? 'test' : 'train';
    const folder = `${category}/${split}/${defect ?? 'good'}`;
    const number = perFolder.get(folder) ?? 0;
    perFolder.set(folder, number + 1);
    const stem = String(number).padStart(3, '0');
    plan.push({
      seed: mixSeed(options.seed, index),
      category,
      width: options.size,
      height: options.size,
      defect,
      split,
      file: `${folder}/${stem}.png`,
      maskFile: defect ? `${category}/ground_truth/${defect}/${stem}_mask.png` : null,
    });
  }
  return plan;
}
