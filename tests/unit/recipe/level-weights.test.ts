import { describe, expect, it } from 'vitest';
import { recipeScript } from './python';

const DRAWS = 20_000;

/**
 * stages.level_draw on a pool of ten images with two questions (closed and open) per level:
 * how many of `DRAWS` draws fall on each level.
 */
async function levelCounts(weights: Record<string, number> | null): Promise<Record<string, number>> {
  const { stdout } = await recipeScript([
    'import random',
    'from collections import Counter',
    'from types import SimpleNamespace',
    'from stages import level_draw',
    'pool = [(image, SimpleNamespace(level=level)) for image in range(10) for level in (1, 1, 2, 2, 3, 3, 4, 4, 5, 5)]',
    `draw = level_draw(pool, json.loads(${JSON.stringify(JSON.stringify(weights))}))`,
    'rng = random.Random(7)',
    `print(json.dumps(Counter(str(draw(rng)[1].level) for _ in range(${DRAWS}))))`,
  ]);
  return JSON.parse(stdout) as Record<string, number>;
}

/** The error config.load_config raises for a stage2 override, or null when it loads. */
async function configError(stage2: unknown): Promise<string | null> {
  const { stdout } = await recipeScript([
    'from config import check, DEFAULT, merge',
    `override = json.loads(${JSON.stringify(JSON.stringify({ stage2 }))})`,
    'try:',
    '    check(merge(DEFAULT, override))',
    '    print("null")',
    'except ValueError as error:',
    '    print(json.dumps(str(error)))',
  ]);
  return JSON.parse(stdout) as string | null;
}

describe('the recipe: the adapter stage draws levels by weight (stage2.levelWeights)', () => {
  it('draws every question alike without weights', async () => {
    const counts = await levelCounts(null);
    for (const level of ['1', '2', '3', '4', '5']) expect(counts[level]! / DRAWS).toBeCloseTo(0.2, 1);
  });

  it('draws each level in proportion to its weight, and never one weighted 0', async () => {
    const counts = await levelCounts({ '1': 0, '2': 1, '3': 1, '4': 1, '5': 2 });
    expect(counts['1']).toBeUndefined();
    expect(counts['5']! / DRAWS).toBeCloseTo(0.4, 1);
    expect(counts['2']! / DRAWS).toBeCloseTo(0.2, 1);
  });

  it('accepts weights for some levels and refuses levels, weights or totals it cannot draw by', async () => {
    expect(await configError({ levelWeights: { '3': 1, '5': 2 } })).toBeNull();
    for (const bad of [{ '6': 1 }, { '5': -1 }, { '1': 0, '2': 0 }, {}, [1, 2]]) {
      expect(await configError({ levelWeights: bad })).toContain('config: stage2.levelWeights needs levels');
    }
  });
});
