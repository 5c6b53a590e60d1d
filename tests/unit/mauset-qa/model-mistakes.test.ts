import { describe, expect, it } from 'vitest';
import { buildQa, type QaItem, type QaSample } from '../../../electron/core/mauset-qa';

/** A scratch in the upper left of a steel plate; the taxonomy offers many other types. */
const scratch: QaSample = {
  id: 'neu-det/scratches_7',
  verdict: 'NG',
  category: 'steel_surface',
  domain: 'metal',
  imageTypes: ['scratches'],
  regions: [
    { id: 'r1', type: 'scratches', areaPct: 2, bbox: [5, 5, 30, 30], fillRatio: 1, position: 'upper left' },
  ],
  taxonomyTypes: ['crazing', 'inclusion', 'patches', 'pitted_surface', 'rolled-in_scale'],
};

const closed = (qa: QaItem[], level: number) => qa.find((q) => q.level === level && q.form === 'closed')!;
const options = (item: QaItem) => Object.values(item.options ?? {});

describe('distractors drawn from the model’s own mistakes', () => {
  it('offers the type and the place a model wrongly predicted, every time', () => {
    // seeds differ per id: over many images the mistake must always be among the options
    for (let i = 0; i < 40; i++) {
      const qa = buildQa({
        ...scratch,
        id: `neu-det/scratches_${i}`,
        modelSaid: { verdict: 'NG', types: ['rolled-in_scale'], positions: ['lower right'] },
      });
      expect(options(closed(qa, 2))).toContain('rolled-in scale');
      expect(options(closed(qa, 3))).toContain('lower right');
    }
  });

  it('never offers what the model got right as a wrong option, so one option stays correct', () => {
    const qa = buildQa({
      ...scratch,
      modelSaid: { verdict: 'NG', types: ['scratches'], positions: ['upper left'] },
    });
    for (const level of [2, 3]) {
      const item = closed(qa, level);
      const correct = item.options![item.answer as 'A']!;
      expect(options(item).filter((o) => o === correct)).toHaveLength(1);
    }
    expect(options(closed(qa, 3)).filter((o) => o === 'upper left')).toHaveLength(1);
  });

  it('makes "no defect" a distractor when the model called a defective image clean', () => {
    for (let i = 0; i < 20; i++) {
      const qa = buildQa({
        ...scratch,
        id: `neu-det/scratches_${i}`,
        modelSaid: { verdict: 'OK', types: [], positions: [] },
      });
      expect(options(closed(qa, 2))).toContain('no defect');
    }
  });

  it('asks exactly the same questions as before when no prediction is known', () => {
    const withoutModel = buildQa(scratch);
    const withEmptyPrediction = buildQa({
      ...scratch,
      modelSaid: { verdict: 'NG', types: [], positions: [] },
    });
    expect(withEmptyPrediction).toEqual(withoutModel);
  });
});
