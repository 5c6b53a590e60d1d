import type { LabelState } from '../../../electron/contract/review';

/** A label state for tests: one image with a prediction of two regions and one own region. */
export function labelState(patch: Partial<LabelState> = {}): LabelState {
  return {
    sampleId: 1,
    revision: 5,
    verdict: null,
    reviewState: 'unreviewed',
    audit: false,
    split: null,
    regions: [
      {
        id: 10,
        defectType: 'scratch',
        shape: { kind: 'box', x: 60, y: 60, w: 10, h: 10 },
        origin: 'human',
        reviewOutcome: 'missed',
        predictionRegionId: null,
      },
    ],
    predictionReviews: [],
    texts: {},
    canUndo: false,
    canRedo: false,
    prediction: {
      id: 1,
      modelPack: { name: 'm', version: '1', kind: 'external' },
      score: 0.8,
      verdict: 'NG',
      threshold: 0.5,
      anomalyMapPath: null,
      createdAt: '2025-01-01T00:00:00Z',
      texts: {},
      regions: [
        { id: 100, defectType: 'pitting', score: 0.9, shape: { kind: 'box', x: 0, y: 0, w: 50, h: 50 } },
        { id: 101, defectType: 'pitting', score: 0.4, shape: { kind: 'box', x: 10, y: 10, w: 5, h: 5 } },
      ],
    },
    ...patch,
  } as LabelState;
}
