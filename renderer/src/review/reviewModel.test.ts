import { describe, expect, it } from 'vitest';
import type { Selection } from '../tools/types';
import { labelState } from './fixtures';
import { hitTest } from './hitTest';
import {
  confirmCommand,
  deleteCommand,
  editableOf,
  impliedVerdict,
  reshapeCommand,
  retypeCommand,
  selectableItems,
  undecided,
} from './reviewModel';

const prediction = (id: number) => ({ kind: 'prediction', id }) as Selection;
const region = (id: number) => ({ kind: 'region', id }) as Selection;

// Prediction 100 confirmed into region 11.
const judged = labelState({
  regions: [
    ...labelState().regions,
    {
      id: 11,
      defectType: 'pitting',
      shape: { kind: 'box', x: 0, y: 0, w: 50, h: 50 },
      origin: 'human',
      reviewOutcome: 'confirmed',
      predictionRegionId: 100,
    },
  ] as never,
  predictionReviews: [{ predictionRegionId: 100, outcome: 'confirmed', regionId: 11 }] as never,
});

describe('review decisions', () => {
  it('walks predicted regions first, then the label’s own, with no duplicate for a judged one', () => {
    expect(selectableItems(judged, false)).toEqual([prediction(100), prediction(101), region(10)]);
    expect(undecided(judged, false).map((p) => p.id)).toEqual([101]);
  });

  it('hides the model entirely from a blind audit', () => {
    expect(selectableItems(judged, true)).toEqual([region(10), region(11)]);
    expect(undecided(judged, true)).toEqual([]);
  });

  it('confirms with one command, and retypes with a number key', () => {
    expect(confirmCommand(labelState(), 101)).toEqual({
      type: 'reviewPrediction',
      predictionRegionId: 101,
      outcome: 'confirmed',
    });
    expect(retypeCommand(labelState(), prediction(101), 'scratch')).toEqual({
      type: 'reviewPrediction',
      predictionRegionId: 101,
      outcome: 'retyped',
      defectType: 'scratch',
    });
    expect(retypeCommand(labelState(), prediction(101), 'pitting')).toMatchObject({ outcome: 'confirmed' });
    expect(retypeCommand(judged, prediction(100), 'scratch')).toEqual({
      type: 'retypeRegion',
      regionId: 11,
      defectType: 'scratch',
    });
    expect(retypeCommand(judged, region(10), 'scratch')).toBeNull();
  });

  it('redraws a predicted region, or the region it became', () => {
    const shape = { kind: 'box', x: 1, y: 1, w: 2, h: 2 } as const;
    expect(reshapeCommand(labelState(), prediction(101), shape)).toEqual({
      type: 'reviewPrediction',
      predictionRegionId: 101,
      outcome: 'redrawn',
      shape,
    });
    expect(reshapeCommand(judged, prediction(100), shape)).toEqual({
      type: 'updateRegion',
      regionId: 11,
      shape,
    });
    expect(editableOf(judged, prediction(100))?.shape).toBe(judged.regions[1]!.shape);
  });

  it('deletes a region, and takes Delete on a prediction as a false positive', () => {
    expect(deleteCommand(judged, region(10))).toEqual({ type: 'deleteRegion', regionId: 10 });
    expect(deleteCommand(judged, prediction(101))).toMatchObject({ outcome: 'false_positive' });
  });

  it('implies NG when regions remain and OK when every prediction was false', () => {
    expect(impliedVerdict(judged)).toBe('NG');
    expect(impliedVerdict(labelState({ regions: [] }))).toBe('OK');
  });

  it('hits the smallest region under the pointer, and maps a judged region to its prediction', () => {
    const view = { audit: false, showLabels: true };
    expect(hitTest(judged, view, [12, 12], 0)?.target).toEqual(prediction(101));
    expect(hitTest(judged, view, [30, 30], 0)?.target).toEqual(prediction(100));
    expect(hitTest(judged, view, [65, 65], 0)?.target).toEqual(region(10));
    expect(hitTest(judged, { audit: false, showLabels: false }, [65, 65], 0)).toBeNull();
    expect(hitTest(judged, view, [90, 90], 0)).toBeNull();
    // The selected region wins where it overlaps a smaller one, so it can be dragged from there.
    expect(hitTest(judged, { ...view, selected: prediction(100) }, [12, 12], 0)?.target).toEqual(
      prediction(100),
    );
  });
});
