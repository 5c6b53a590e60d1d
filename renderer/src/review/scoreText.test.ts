import { describe, expect, it } from 'vitest';
import { scoreAgainstThreshold } from './scoreText';

describe('scoreAgainstThreshold', () => {
  it('shows two decimals where they tell the score from the threshold', () => {
    expect(scoreAgainstThreshold(0.42, 0.5)).toBe('0.42 < 0.50');
    expect(scoreAgainstThreshold(0.91, 0.5)).toBe('0.91 ≥ 0.50');
  });

  it('adds decimals until the two differ, up to six', () => {
    expect(scoreAgainstThreshold(0.99731, 0.998019)).toBe('0.997 < 0.998');
    expect(scoreAgainstThreshold(0.99741, 0.99738)).toBe('0.99741 ≥ 0.99738');
    expect(scoreAgainstThreshold(0.99912, 0.998019)).toBe('0.999 ≥ 0.998');
    expect(scoreAgainstThreshold(0.9980191, 0.998019)).toBe('0.998019 ≥ 0.998019');
    expect(scoreAgainstThreshold(0.5, 0.5)).toBe('0.50 ≥ 0.50');
  });

  it('shows the threshold to within 0.0005, so a threshold near 1 does not read as 1.00', () => {
    expect(scoreAgainstThreshold(0.46, 0.9979)).toBe('0.460 < 0.998');
    expect(scoreAgainstThreshold(0.2, 0.038)).toBe('0.200 ≥ 0.038');
    expect(scoreAgainstThreshold(0.7, 0.64)).toBe('0.70 ≥ 0.64');
  });
});
