import { describe, expect, it } from 'vitest';
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
