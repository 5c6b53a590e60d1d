import { describe, expect, it } from 'vitest';
import {
  extractOptionLetter,
  scoreClosedQuestions,
} from '../../../electron/core/evaluation/metrics/closed-questions';
import { confusionAccuracy, confusionMatrix } from '../../../electron/core/evaluation/metrics/confusion';
import { boxIou, matchRegions, regionMetrics } from '../../../electron/core/evaluation/metrics/region-match';
import { lcsLength, rouge1, rougeL, tokens } from '../../../electron/core/evaluation/metrics/rouge';
import { wilsonInterval } from '../../../electron/core/evaluation/metrics/wilson';

describe('ROUGE for L4/L5 texts', () => {
  it('scores "the cat sat on the mat" against "the cat is on the mat" at 5/6 for both', () => {
    // 5 of 6 unigrams shared; LCS "the cat on the mat" is 5 long: P = R = 5/6
    expect(rouge1('The cat sat on the mat.', 'the cat is on the mat')).toBeCloseTo(5 / 6, 12);
    expect(rougeL('The cat sat on the mat.', 'the cat is on the mat')).toBeCloseTo(5 / 6, 12);
  });

  it('tells word order apart only in ROUGE-L', () => {
    // same words, LCS of a b c d and b a d c is 2: P = R = 1/2
    expect(rouge1('a b c d', 'b a d c')).toBe(1);
    expect(lcsLength(tokens('a b c d'), tokens('b a d c'))).toBe(2);
    expect(rougeL('a b c d', 'b a d c')).toBeCloseTo(0.5, 12);
  });

  it('clips repeated words and scores empty texts 0', () => {
    // candidate "crack crack crack" vs "a crack": overlap 1, P = 1/3, R = 1/2 → F = 0.4
    expect(rouge1('crack crack crack', 'a crack')).toBeCloseTo(0.4, 12);
    expect(rougeL('', 'a crack')).toBe(0);
  });
});

describe('closed questions (MMAD-style letter extraction)', () => {
  it.each([
    ['B', 'B'],
    ['(B)', 'B'],
    ['Answer: B.', 'B'],
    ['the answer is b', 'B'],
    ['The correct answer is (C) because the edge is chipped', 'C'],
    ['C. Crack along the thread', 'C'],
    ['I would pick (D) here', 'D'],
    ['Option e', 'E'],
  ])('reads %j as %s', (answer, letter) => {
    expect(extractOptionLetter(answer)).toBe(letter);
  });

  it('does not read an article as an option, and falls back to option texts', () => {
    expect(extractOptionLetter('The answer is a scratch near the rim')).toBeNull();
    expect(extractOptionLetter('No idea')).toBeNull();
    expect(extractOptionLetter('No.', { A: 'Yes', B: 'No' })).toBe('B');
  });

  it('gives accuracy per level and balanced accuracy for L1', () => {
    const scores = scoreClosedQuestions([
      { level: 1, key: 'A', answer: 'A' },
      { level: 1, key: 'A', answer: 'Answer: A' },
      { level: 1, key: 'A', answer: '(A) Yes' },
      { level: 1, key: 'B', answer: 'A' },
      { level: 2, key: 'C', answer: 'C. pitting' },
      { level: 2, key: 'D', answer: 'hmm' },
    ]);
    expect(scores).toEqual([
      { level: 1, questions: 4, correct: 3, unreadable: 0, accuracy: 0.75, balancedAccuracy: 0.5 },
      { level: 2, questions: 2, correct: 1, unreadable: 1, accuracy: 0.5, balancedAccuracy: null },
    ]);
  });
});

describe('escape rate from blind audits (Wilson 95 % interval)', () => {
  it('does not collapse to zero width when no escape was found', () => {
    const none = wilsonInterval(0, 10)!;
    expect(none.rate).toBe(0);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
  });

  it('matches the published interval for 5 of 10 (0.2366–0.7634)', () => {
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('L3 region matching and L2 confusion', () => {
  it('computes box IoU', () => {
    expect(boxIou({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 0, w: 10, h: 10 })).toBeCloseTo(1 / 3, 12);
    expect(boxIou({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 0, w: 5, h: 5 })).toBe(0);
  });

  it('matches greedily by score, one truth box per prediction, at IoU ≥ 0.5', () => {
    const truth = [
      { x: 0, y: 0, w: 10, h: 10 },
      { x: 100, y: 100, w: 10, h: 10 },
    ];
    const counts = matchRegions(
      [
        { x: 1, y: 0, w: 10, h: 10, score: 0.9 }, // IoU 9/11 with the first
        { x: 0, y: 0, w: 10, h: 10, score: 0.5 }, // would be perfect, but the first is taken
        { x: 50, y: 50, w: 10, h: 10, score: 0.8 }, // overlaps nothing
      ],
      truth,
    );
    expect(counts).toMatchObject({ predicted: 3, truth: 2, matched: 1 });
    const m = regionMetrics(counts);
    expect(m.precision).toBeCloseTo(1 / 3, 12);
    expect(m.recall).toBe(0.5);
    expect(m.meanIou).toBeCloseTo(9 / 11, 12);
  });

  it('tabulates truth against prediction over one sorted label list', () => {
    const c = confusionMatrix([
      { truth: 'pitting', predicted: 'pitting' },
      { truth: 'pitting', predicted: 'OK' },
      { truth: 'OK', predicted: 'OK' },
      { truth: 'scratch', predicted: 'pitting' },
    ]);
    expect(c.labels).toEqual(['OK', 'pitting', 'scratch']);
    expect(c.matrix).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 0],
    ]);
    expect(confusionAccuracy(c)).toBe(0.5);
  });
});
