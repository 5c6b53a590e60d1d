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
});
