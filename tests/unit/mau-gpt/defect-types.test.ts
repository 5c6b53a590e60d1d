import { describe, expect, it } from 'vitest';
import type { PredictedRegion } from '../../../electron/core/inference/types';
import { listedTypes, typeRegions } from '../../../electron/core/mau-gpt/defect-types';
import { levelGrounding } from '../../../electron/core/mau-gpt/grounding';
import { MauGptOptions } from '../../../electron/core/mau-gpt/options';
import { typesAnswer } from '../../../electron/core/mauset-qa/discrimination-classification';

const HEAD = {
  labels: ['crazing', 'mousebite', 'open', 'pitting', 'short'],
  byCategory: { pcb: ['mousebite', 'open', 'short'], ball_screw: ['pitting'] },
  threshold: 0.5,
};
const logit = (p: number) => Math.log(p / (1 - p));

describe('listedTypes: what the defect-type head says an image shows', () => {
  it('lists every allowed type at or above the threshold, most likely first', () => {
    const logits = [0.99, 0.6, 0.9, 0.1, 0.3].map(logit);
    expect(listedTypes(logits, HEAD, 'pcb')).toEqual(['open', 'mousebite']);
  });

  it("keeps to the category's own labels: a PCB is never called crazing", () => {
    const logits = [0.99, 0.2, 0.3, 0.99, 0.1].map(logit);
    expect(listedTypes(logits, HEAD, 'pcb')).toEqual(['open']);
    expect(listedTypes(logits, HEAD, 'ball_screw')).toEqual(['pitting']);
  });

  it('falls back to the single most likely type when none reaches the threshold', () => {
    const logits = [0.1, 0.2, 0.3, 0.4, 0.35].map(logit);
    expect(listedTypes(logits, HEAD, 'pcb')).toEqual(['short']);
  });

  it('considers every label for an image without a category', () => {
    const logits = [0.9, 0.2, 0.3, 0.8, 0.1].map(logit);
    expect(listedTypes(logits, HEAD, undefined)).toEqual(['crazing', 'pitting']);
  });

  it('lists nothing for a category the head never saw: it would only name other products’ types', () => {
    const logits = [0.9, 0.2, 0.3, 0.8, 0.1].map(logit);
    expect(listedTypes(logits, HEAD, 'wafer')).toEqual([]);
  });
});

describe('the L2 answer and region types from listed types', () => {
  const options = MauGptOptions.parse({
    vision: {
      imageSize: 64,
      numVisualTokens: 4,
      anomalyFeatureSize: 8,
      mean: [0.5, 0.5, 0.5],
      std: [0.5, 0.5, 0.5],
      tiling: { mode: 'resize' },
    },
    decoder: { numLayers: 1, numHeads: 1, headDim: 8, hidden: 8, vocabSize: 64, maxContext: 64 },
    prompt: { template: 'Q: {question} A:' },
    questions: { '1': 'a?', '2': 'b?', '3': 'c?', '4': 'd?', '5': 'e?' },
    groundedL1: {
      yes: 'Yes.',
      no: 'No.',
      yesWithRegions: 'Yes. The {object} shows {regions}.',
      yesWithoutRegions: 'Yes. The {object} looks defective; no region is listed.',
    },
    groundedLevels: {
      '2': { ok: 'There is no defect on this {object}.', ng: 'It is', avoidWhenNg: ['no defect'] },
      '3': { ngWithRegions: 'There {defects}:', ngOneType: 'There {defects}: r1 ({type})' },
      '5': { ng: 'Likely cause of the', ngOneType: 'Likely cause of the {type}:' },
    },
    defectTypes: HEAD,
  });
  const fill = (text: string) => text.replace('{object}', 'PCB');

  it('starts L2 with the export’s own words for the listed types', () => {
    const one = levelGrounding(options, '2', { verdict: 'NG', regionCount: 2, types: ['mousebite'] }, fill);
    expect(one).toEqual({ answerStart: 'It is mouse bite.', complete: true });
    const two = levelGrounding(
      options,
      '2',
      { verdict: 'NG', regionCount: 3, types: ['open', 'short'] },
      fill,
    );
    expect(two.answerStart).toBe('There are 2 defect types: open circuit and short circuit.');
    expect(two.answerStart).toBe(typesAnswer(['open', 'short']));
  });

  it('says L1 whole on an NG image that lists no region, so the decoder cannot count one', () => {
    const l1 = (verdict: 'NG' | 'OK', regionCount: number) =>
      levelGrounding(options, '1', { verdict, regionCount }, fill);
    expect(l1('NG', 0)).toEqual({
      answerStart: 'Yes. The PCB looks defective; no region is listed.',
      complete: true,
    });
    expect(l1('NG', 2)).toEqual({ answerStart: 'Yes. The PCB shows 2 defective regions.' });
    expect(l1('OK', 0)).toEqual({ answerStart: 'No.' });
  });

  it('leaves the verdict’s own start where nothing was listed, and an OK part’s words alone', () => {
    expect(levelGrounding(options, '2', { verdict: 'NG', regionCount: 1, types: [] }, fill).answerStart).toBe(
      'It is',
    );
    const ok = levelGrounding(options, '2', { verdict: 'OK', regionCount: 0, types: ['open'] }, fill);
    expect(ok.answerStart).toBe('There is no defect on this PCB.');
  });

  it('names a single listed type in the levels that start with one, counting only marked regions', () => {
    const one = (level: '3' | '5', regionCount: number, types: string[]) =>
      levelGrounding(options, level, { verdict: 'NG', regionCount, types }, fill).answerStart;
    expect(one('3', 3, ['mousebite'])).toBe('There are 3 defects: r1 (mouse bite)');
    expect(one('5', 0, ['mousebite'])).toBe('Likely cause of the mouse bite:');
    // no region to count: the typed start that counts them gives way
    expect(one('3', 0, ['mousebite'])).toBeUndefined();
    // two types: which one r1 is, or which cause comes first, is not known
    expect(one('3', 3, ['open', 'short'])).toBe('There are 3 defects:');
    expect(one('5', 3, ['open', 'short'])).toBe('Likely cause of the');
    expect(levelGrounding(options, '4', { verdict: 'NG', regionCount: 1, types: ['open'] }, fill)).toEqual(
      {},
    );
  });

  it('types untyped regions only when one type was listed', () => {
    const region = (defectType: string | null): PredictedRegion => ({
      defectType,
      score: 0.9,
      areaPx: 4,
      shape: { kind: 'box', x: 0, y: 0, w: 2, h: 2 },
    });
    const regions = [region(null), region('spur')];
    expect(typeRegions(regions, ['open']).map((r) => r.defectType)).toEqual(['open', 'spur']);
    expect(typeRegions(regions, ['open', 'short'])).toBe(regions);
  });

  it('refuses options whose byCategory names a label the head does not have', () => {
    const parsed = MauGptOptions.safeParse({
      ...options,
      defectTypes: { ...HEAD, byCategory: { pcb: ['open', 'spur'] } },
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/byCategory.*pcb|names spur/);
  });
});
