import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelGrounding, productKnown, type Picture } from '../../../electron/core/mau-gpt/grounding';
import { LEVELS, MauGptOptions } from '../../../electron/core/mau-gpt/options';

// the shipped pack's own options: three products learnt (ball screws, PCBs, steel)
const root = resolve(import.meta.dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'models/mau-gpt-mini/model.json'), 'utf8')) as {
  options: unknown;
};
const options = MauGptOptions.parse(manifest.options);
const fill = (text: string) => text.replaceAll('{object}', 'brushed metal');
const answersFor = (picture: Picture) => LEVELS.map((level) => levelGrounding(options, level, picture, fill));

describe('a kind of part the pack never learnt', () => {
  it('is told apart by the categories the pack has thresholds or types for', () => {
    expect(productKnown(options, 'pcb')).toBe(true);
    expect(productKnown(options, 'steel_surface')).toBe(true);
    expect(productKnown(options, 'brushed_metal')).toBe(false);
    expect(productKnown(options, undefined)).toBe(true);
    // a pack that knows no category judges none unknown
    expect(productKnown({ ...options, categoryThresholds: undefined, defectTypes: undefined }, 'wood')).toBe(
      true,
    );
  });

  it('on an NG image: L1 and the regions say what the map shows, L2 and L5 say the pack does not know', () => {
    const picture: Picture = {
      verdict: 'NG',
      regionCount: 1,
      types: [],
      regionsAnswer: 'There is 1 defect: p1 in the middle left (44×42 px box at x 51, y 69).',
      unknownProduct: true,
    };
    const [l1, l2, l3, l4, l5] = answersFor(picture);
    expect(l1).toEqual({ answerStart: 'Yes. The brushed metal shows 1 defective region.', complete: true });
    expect(l2).toEqual({
      answerStart:
        'This pack was not trained on brushed metal images, so it names no defect type: the reviewer sets it.',
      complete: true,
    });
    expect(l3).toEqual({ answerStart: picture.regionsAnswer, complete: true });
    // L4 is measured from the regions when they were (looksAnswer); without it the decoder describes them
    expect(l4!.complete).toBeFalsy();
    expect(l5!.complete).toBe(true);
    expect(l5!.answerStart).toMatch(
      /^This pack was not trained on brushed metal images, so it does not guess a cause/,
    );
    // every decoder-free answer is whole: nothing is left for the decoder to go on with
    expect([l1, l2, l3, l5].every((g) => g!.complete)).toBe(true);
  });

  it('on an OK image every level is its grounded sentence, whole', () => {
    const answers = answersFor({ verdict: 'OK', regionCount: 0, unknownProduct: true });
    expect(answers.every((g) => g.complete && g.answerStart)).toBe(true);
    expect(answers[1]!.answerStart).toBe(
      'There is no defect on this brushed metal, so there is no defect type.',
    );
    // the L1 start the decoder finishes on a known part ("…looks normal;") is closed as a sentence
    expect(answers[0]!.answerStart).toBe('No. The brushed metal looks normal.');
  });

  it('leaves a known product’s answers to the decoder as before', () => {
    const known = levelGrounding(options, '5', { verdict: 'NG', regionCount: 1, types: ['scratches'] }, fill);
    expect(known.complete).toBeFalsy();
    expect(known.answerStart).toBe('Likely cause of the scratches:');
  });
});
