import { describe, expect, it } from 'vitest';
import { correctionOf, type CorrectionFacts } from '../../../electron/core/exchange/mauset/correction';

const base: CorrectionFacts = {
  reviewed: true,
  verdict: 'NG',
  predictedVerdict: 'NG',
  regions: [{ origin: 'imported', reviewOutcome: null, linked: false }],
  predictionOutcomes: [],
  importedRegionRemoved: false,
};

describe('how a label came to be', () => {
  it('is imported while nobody decided the image', () => {
    expect(correctionOf({ ...base, reviewed: false })).toBe('imported');
  });

  it('is confirmed when the reviewer agreed with the model and the dataset', () => {
    expect(correctionOf({ ...base, predictionOutcomes: ['confirmed'] })).toBe('confirmed');
    expect(correctionOf({ ...base, predictedVerdict: null })).toBe('confirmed');
  });

  it('is corrected when a prediction was rejected, retyped or redrawn, or the verdict overturned', () => {
    expect(correctionOf({ ...base, predictionOutcomes: ['confirmed', 'false_positive'] })).toBe('corrected');
    expect(correctionOf({ ...base, importedRegionRemoved: true })).toBe('corrected');
    expect(correctionOf({ ...base, verdict: 'OK', regions: [] })).toBe('corrected');
    const retyped = { origin: 'human', reviewOutcome: 'retyped', linked: true } as const;
    expect(correctionOf({ ...base, regions: [retyped] })).toBe('corrected');
  });

  it('is added when the only change was a defect nobody had marked', () => {
    const missed = { origin: 'human', reviewOutcome: 'missed', linked: false } as const;
    expect(correctionOf({ ...base, regions: [...base.regions, missed] })).toBe('added');
    expect(correctionOf({ ...base, reviewed: false, regions: [missed] })).toBe('added');
  });
});
