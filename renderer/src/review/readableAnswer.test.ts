import { describe, expect, it } from 'vitest';
import { readableAnswer } from './readableAnswer';

describe('model answers as people write them', () => {
  it('closes up punctuation and brackets and capitalises sentences', () => {
    expect(readableAnswer('no . the ball screw looks normal ; no defect is visible .')).toBe(
      'No. The ball screw looks normal; no defect is visible.',
    );
    expect(readableAnswer('r1 ( pitting ) in the center , 12 px wide ! why ? unclear')).toBe(
      'R1 (pitting) in the center, 12 px wide! Why? Unclear',
    );
    expect(readableAnswer('Already tidy, (really).')).toBe('Already tidy, (really).');
  });

  it('tidies every part of a streaming answer to a prefix of the tidied whole', () => {
    const whole = 'yes . the pcb shows 2 defective regions : r1 ( open ) , r2 ( short ) .';
    const tidy = readableAnswer(whole);
    for (let end = 0; end <= whole.length; end++) {
      const part = readableAnswer(whole.slice(0, end));
      expect(tidy.startsWith(part), JSON.stringify(whole.slice(0, end))).toBe(true);
    }
  });
});
