import { describe, expect, it } from 'vitest';
import { contrastWord, shapeWord, sizeWord } from '../../../electron/core/mauset-qa/appearance';
import { positionOf } from '../../../electron/core/mauset-qa';

describe('appearance and position words', () => {
  it('sizes by share of the image', () => {
    expect([0.05, 0.5, 3, 20].map(sizeWord)).toEqual(['tiny', 'small', 'medium-sized', 'large']);
  });

  it('calls a long thin box elongated, a sparse outline irregular, the rest compact', () => {
    expect(shapeWord({ bbox: [0, 0, 90, 10], fillRatio: 1 })).toBe('elongated');
    expect(shapeWord({ bbox: [0, 0, 40, 40], fillRatio: 0.3 })).toBe('irregular');
    expect(shapeWord({ bbox: [0, 0, 40, 30], fillRatio: 0.9 })).toBe('compact');
  });

  it('compares brightness with the surroundings only when it is known', () => {
    expect(contrastWord({ region: 50, surround: 120 })).toBe('darker than its surroundings');
    expect(contrastWord({ region: 200, surround: 120 })).toBe('brighter than its surroundings');
    expect(contrastWord({ region: 123, surround: 120 })).toBe('about as bright as its surroundings');
    expect(contrastWord(null)).toBeNull();
  });

  it('places a point in the 3×3 grid', () => {
    expect(positionOf(1, 1, 300, 300)).toBe('upper left');
    expect(positionOf(150, 150, 300, 300)).toBe('center');
    expect(positionOf(299.5, 299.5, 300, 300)).toBe('lower right');
    expect(positionOf(150, 10, 300, 300)).toBe('upper middle');
    expect(positionOf(250, 150, 300, 300)).toBe('middle right');
  });
});
