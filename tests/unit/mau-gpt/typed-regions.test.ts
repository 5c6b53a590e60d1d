import { describe, expect, it } from 'vitest';
import { mentionsType } from '../../../electron/contract/type-mentions';
import { typeRegionsByAnswer } from '../../../electron/core/mau-gpt/typed-regions';
import type { PredictedRegion } from '../../../electron/core/inference/types';

const LABELS = ['mousebite', 'open', 'short', 'spur', 'copper', 'pin-hole', 'rolled-in_scale', 'pitting'];

function region(defectType: string | null): PredictedRegion {
  return { defectType, score: 0.9, areaPx: 16, shape: { kind: 'box', x: 0, y: 0, w: 4, h: 4 } };
}

describe('defect types named in a model answer', () => {
  it('finds a type as one to three whole words, separators and case aside', () => {
    expect(mentionsType('it is mouse bite .', 'mousebite')).toBe(true);
    expect(mentionsType('It is rolled-in scale.', 'rolled-in_scale')).toBe(true);
    expect(mentionsType('it is open circuit .', 'open')).toBe(true);
    expect(mentionsType('A pin hole near the edge', 'pin-hole')).toBe(true);
    expect(mentionsType('unpittingly smooth', 'pitting')).toBe(false);
    expect(mentionsType('it is spurious copper .', 'spur')).toBe(false);
    expect(mentionsType('it is spurious copper .', 'copper')).toBe(true);
    expect(mentionsType('anything', '__')).toBe(false);
  });

  it("types the map's untyped regions by the one label L2 names, and only then", () => {
    const regions = [region(null), region('short'), region(null)];
    const typed = typeRegionsByAnswer(regions, 'it is mouse bite .', LABELS);
    expect(typed.map((r) => r.defectType)).toEqual(['mousebite', 'short', 'mousebite']);
    // several types, no type, no answer: the map's regions stay as they came
    const two = 'there are 2 defect types : open circuit ( 1 region ) and short circuit ( 2 regions ) .';
    expect(typeRegionsByAnswer(regions, two, LABELS)).toBe(regions);
    expect(typeRegionsByAnswer(regions, 'there is no defect on this pcb .', LABELS)).toBe(regions);
    expect(typeRegionsByAnswer(regions, undefined, LABELS)).toBe(regions);
    // a type the pack has no label for is not invented
    expect(typeRegionsByAnswer(regions, 'it is crazing .', LABELS)).toBe(regions);
  });

  it('types regions only by the clean single-type answer, not by a label inside other words', () => {
    const regions = [region(null)];
    const typeOf = (answer: string) =>
      typeRegionsByAnswer(regions, answer, [...LABELS, 'crazing'])[0]!.defectType;
    expect(typeOf('It is pitting.')).toBe('pitting');
    expect(typeOf('it is open circuit .')).toBe('open');
    expect(typeOf('it is rolled - in scale .')).toBe('rolled-in_scale');
    expect(typeOf('It is spurious copper.')).toBe('copper');
    // MAU-GPT-mini 0.4.2 on a DeepPCB board: one label inside junk typed its 20 regions as crazing
    expect(typeOf('It is no - in the steel surface: the crazing: high.')).toBeNull();
    expect(typeOf('It is pitting, pitting and more.')).toBeNull();
  });
});
