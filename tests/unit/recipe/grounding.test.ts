import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelGrounding, type Picture } from '../../../electron/core/mau-gpt/grounding';
import { MauGptOptions } from '../../../electron/core/mau-gpt/options';
import { recipeScript } from './python';

describe('the recipe scores whole answers as the app says them (grounding.typed_answer)', () => {
  it('says L1 whole on an NG image that lists no region, L2 whole where types were listed', async () => {
    const { stdout } = await recipeScript([
      'from grounding import typed_answer',
      'o = {"groundedL1": {"yes": "Yes.", "no": "No.", "yesWithoutRegions": "Yes. The {object} looks defective."}}',
      'print(json.dumps([typed_answer(1, True, (), o, "PCB", 0), typed_answer(1, True, (), o, "PCB", 2),',
      '  typed_answer(1, False, (), o, "PCB", 0), typed_answer(1, True, (), {}, "PCB", 0),',
      '  typed_answer(2, True, ("open",), o, "PCB", 0)]))',
    ]);
    expect(JSON.parse(stdout)).toEqual([
      'Yes. The PCB looks defective.',
      null,
      null,
      null,
      'It is open circuit.',
    ]);
  });

  it('says L3 whole from the listed regions only on an NG image of a pack whose L3 is fromRegions', async () => {
    const { stdout } = await recipeScript([
      'from grounding import typed_answer',
      'on = {"groundedLevels": {"3": {"ok": "Nothing.", "fromRegions": True, "ngWithoutRegions": "None on this {object}."}}}',
      'off = {"groundedLevels": {"3": {"ok": "Nothing."}}}',
      'where = "There is 1 defect: r1 in the center (4×4 px box at x 8, y 8)."',
      'print(json.dumps([typed_answer(3, True, (), on, "PCB", 1, where), typed_answer(3, False, (), on, "PCB", 1, where),',
      '  typed_answer(3, True, (), off, "PCB", 1, where), typed_answer(3, True, (), on, "PCB", 0, None),',
      '  typed_answer(3, True, (), off, "PCB", 0, None)]))',
    ]);
    expect(JSON.parse(stdout)).toEqual([
      'There is 1 defect: r1 in the center (4×4 px box at x 8, y 8).',
      null,
      null,
      'None on this PCB.',
      null,
    ]);
  });

  it('says L4 whole from the measured regions only where the pack says L4 fromRegions, L3 apart', async () => {
    const { stdout } = await recipeScript([
      'from grounding import typed_answer',
      'on = {"groundedLevels": {"4": {"ok": "Uniform.", "fromRegions": True, "ngWithoutRegions": "None on this {object}."}}}',
      'looks = "r1 is a tiny, compact mark (2×2 px, about 0.01 % of the image)."',
      'where = "There is 1 defect: r1 in the center (2×2 px box at x 8, y 8)."',
      'print(json.dumps([typed_answer(4, True, (), on, "PCB", 1, where, looks), typed_answer(4, False, (), on, "PCB", 1, where, looks),',
      '  typed_answer(4, True, (), on, "PCB", 0, None, None), typed_answer(3, True, (), on, "PCB", 1, where, looks)]))',
    ]);
    expect(JSON.parse(stdout)).toEqual([
      'r1 is a tiny, compact mark (2×2 px, about 0.01 % of the image).',
      null,
      'None on this PCB.',
      null,
    ]);
  });
});

describe('a kind of part the pack never learnt: the recipe says what the app says', () => {
  it('matches grounding.ts on the shipped pack, level by level, NG and OK', async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const manifest = JSON.parse(readFileSync(join(root, 'models/mau-gpt-mini/model.json'), 'utf8')) as {
      options: unknown;
    };
    const options = MauGptOptions.parse(manifest.options);
    const { stdout } = await recipeScript([
      'from grounding import level_grounding, product_known, unknown_product_answer',
      `o = json.loads(${JSON.stringify(JSON.stringify(manifest.options))})`,
      'out = {"known": [product_known(o, c) for c in ("pcb", "wood", None)], "answers": []}',
      'for ng in (True, False):',
      '    for level in (1, 2, 5):',
      '        start, _ = level_grounding(o, level, ng, "wood", 1 if ng else 0)',
      '        out["answers"].append(unknown_product_answer(level, ng, "wood", start))',
      'print(json.dumps(out))',
    ]);
    const fill = (text: string) => text.replaceAll('{object}', 'wood');
    const app = [true, false].flatMap((ng) =>
      (['1', '2', '5'] as const).map((level) => {
        const picture: Picture = { verdict: ng ? 'NG' : 'OK', regionCount: ng ? 1 : 0, unknownProduct: true };
        const g = levelGrounding(options, level, picture, fill);
        return g.complete ? g.answerStart : null;
      }),
    );
    expect(JSON.parse(stdout)).toEqual({ known: [true, false, true], answers: app });
    expect(app.every((a) => typeof a === 'string' && a.length > 0)).toBe(true);
  });
});
