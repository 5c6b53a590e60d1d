import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryImageThresholdsOf } from '../../../electron/core/evaluation';
import { defaultThreshold } from '../../../electron/core/evaluation/read/pack-thresholds';
import { repoRoot } from '../../helpers/paths';

const shipped = JSON.parse(readFileSync(join(repoRoot, 'models/mau-gpt-mini/model.json'), 'utf8')) as {
  thresholds: { image: number };
  options: { categoryThresholds: Record<string, { image?: number }> };
};

describe("an evaluation's threshold when none is asked for", () => {
  const pack = {
    imageThreshold: shipped.thresholds.image,
    categoryImageThresholds: categoryImageThresholdsOf(shipped),
  };

  it("reads each category's own image threshold from the shipped manifest, and skips those without", () => {
    expect(pack.categoryImageThresholds).toEqual({
      ball_screw: shipped.options.categoryThresholds['ball_screw']!.image,
      pcb: shipped.options.categoryThresholds['pcb']!.image,
    });
    // steel has a pixel threshold of its own but judges its verdict by the pack-wide one
    expect(shipped.options.categoryThresholds['steel_surface']).toBeDefined();
    expect(categoryImageThresholdsOf(null)).toEqual({});
    expect(
      categoryImageThresholdsOf({ options: { categoryThresholds: { pcb: { image: 'high' } } } }),
    ).toEqual({});
  });

  it("takes the category's own threshold where every image scored is of that one category", () => {
    expect(defaultThreshold(pack, ['pcb', 'pcb'])).toEqual({
      threshold: pack.categoryImageThresholds['pcb'],
      category: 'pcb',
    });
  });

  it('takes the pack-wide one for mixed categories, a category without its own, or none; else 0.5', () => {
    const packWide = { threshold: shipped.thresholds.image, category: null };
    expect(defaultThreshold(pack, ['pcb', 'ball_screw'])).toEqual(packWide);
    expect(defaultThreshold(pack, ['steel_surface'])).toEqual(packWide);
    expect(defaultThreshold(pack, [null, null])).toEqual(packWide);
    expect(defaultThreshold(pack, [])).toEqual(packWide);
    expect(defaultThreshold({ imageThreshold: null, categoryImageThresholds: {} }, ['pcb'])).toEqual({
      threshold: 0.5,
      category: null,
    });
  });
});
