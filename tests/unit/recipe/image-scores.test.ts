import { describe, expect, it } from 'vitest';
import { recipeScript } from './python';

type Row = { category: string; ng: boolean; candidates: Record<string, number> };

/** evaluate.choose_image_scores and category_thresholds on hand-made val records. */
async function choose(rows: Row[]): Promise<{ fractions: Record<string, number>; categories: unknown }> {
  const { stdout } = await recipeScript([
    'from evaluate import category_thresholds, choose_image_scores',
    `rows = json.loads(${JSON.stringify(JSON.stringify(rows))})`,
    // JSON keys are strings; the recipe's candidates are keyed by None and the fractions
    'for r in rows: r["candidates"] = {None if k == "tile" else float(k): v for k, v in r["candidates"].items()}',
    'fractions = choose_image_scores(rows)',
    'for r in rows: r["score"] = r["candidates"][fractions.get(r["category"])] if r["candidates"] else 0.5',
    'print(json.dumps({"fractions": fractions, "categories": category_thresholds(rows, fractions)}))',
  ]);
  return JSON.parse(stdout) as { fractions: Record<string, number>; categories: unknown };
}

/** n NG and n OK records whose tile score cannot tell them apart and whose top 0.1 % mean can. */
function separable(category: string, n: number): Row[] {
  return Array.from({ length: 2 * n }, (_, i) => {
    const ng = i < n;
    const tile = 0.5 + 0.01 * (i % 5);
    const top = (ng ? 0.8 : 0.3) + 0.001 * i;
    return { category, ng, candidates: { tile, '0': tile, '0.0001': tile, '0.001': top, '0.01': tile } };
  });
}

describe('the recipe: an image score per category, chosen on val (evaluate.choose_image_scores)', () => {
  it('takes the top fraction that separates the verdicts, and names it beside the threshold', async () => {
    const { fractions, categories } = await choose(separable('pcb', 10));
    expect(fractions).toEqual({ pcb: 0.001 });
    expect(categories).toEqual({ pcb: { image: expect.any(Number), imageTopFraction: 0.001 } });
    const image = (categories as { pcb: { image: number } }).pcb.image;
    expect(image).toBeGreaterThan(0.31);
    expect(image).toBeLessThanOrEqual(0.81);
  });

  it('keeps the tile score where the gain is within what one image can move the AUROC', async () => {
    // 4 OK images: one image moves the AUROC by 1/4; a perfect top score over a 0.8 tile score is not enough
    const rows: Row[] = Array.from({ length: 8 }, (_, i) => {
      const ng = i < 4;
      const tile = ng ? [0.9, 0.8, 0.7, 0.2][i]! : [0.1, 0.2, 0.3, 0.4][i - 4]!;
      const top = ng ? 0.9 : 0.1;
      return {
        category: 'ball_screw',
        ng,
        candidates: { tile, '0': top, '0.0001': top, '0.001': top, '0.01': top },
      };
    });
    const { fractions, categories } = await choose(rows);
    expect(fractions).toEqual({});
    expect(categories).toEqual({ ball_screw: { image: expect.any(Number) } });
  });

  it('leaves out a category with one verdict or no tiled images', async () => {
    const allNg = separable('steel', 4).map((r) => ({ ...r, ng: true }));
    const untiled = separable('gear', 4).map((r) => ({ ...r, candidates: {} }));
    const { fractions } = await choose([...allNg, ...untiled]);
    expect(fractions).toEqual({});
  });

  it("chooses the pack-wide threshold on the shared trunk's scores, whatever a category's own trunk scores", async () => {
    // pcb's own trunk scores on a scale of its own (clean boards 0.9, defective 0.95): pooled with
    // steel's, max F1 would sit at 0.95 and call every defective steel plate OK
    const pcb = (ng: boolean) => ({
      category: 'pcb',
      ng,
      score: ng ? 0.95 : 0.9,
      sharedScore: ng ? 0.8 : 0.3,
    });
    const steel = (ng: boolean, shared: number) => ({
      category: 'steel',
      ng,
      score: shared,
      sharedScore: shared,
    });
    const records = [
      ...[0.2, 0.3, 0.35].map((shared) => steel(false, shared)),
      ...[0.6, 0.7, 0.75].map((shared) => steel(true, shared)),
      ...Array.from({ length: 20 }, (_, i) => pcb(i % 2 === 0)),
    ];
    const pick = async (rows: object[]) => {
      const { stdout } = await recipeScript([
        'from evaluate import pack_image_threshold',
        `print(json.dumps(pack_image_threshold(json.loads(${JSON.stringify(JSON.stringify(rows))}))))`,
      ]);
      return JSON.parse(stdout) as number;
    };
    const threshold = await pick(records);
    expect(threshold).toBeGreaterThan(0.35);
    expect(threshold).toBeLessThanOrEqual(0.6);
    // another sitting of pcb's own trunk (other own scores, the same shared ones) leaves it where it was
    expect(await pick(records.map((r) => (r.category === 'pcb' ? { ...r, score: 1 - r.score } : r)))).toBe(
      threshold,
    );
  });

  it('scores a map by the mean of its highest pixels, at least one', async () => {
    const { stdout } = await recipeScript([
      'import numpy as np',
      'from evaluate import top_fraction_mean',
      'm = np.zeros((100, 100), np.float32); m[0, :4] = [0.9, 0.8, 0.7, 0.6]',
      'print(json.dumps([top_fraction_mean(m, f) for f in (0, 1e-4, 2e-4, 4e-4, 1.0)]))',
    ]);
    const [max, one, two, four, all] = JSON.parse(stdout) as number[];
    expect(max).toBeCloseTo(0.9, 6);
    expect(one).toBeCloseTo(0.9, 6);
    expect(two).toBeCloseTo(0.85, 6);
    expect(four).toBeCloseTo(0.75, 6);
    expect(all).toBeCloseTo(3 / 10000, 6);
  });
});
