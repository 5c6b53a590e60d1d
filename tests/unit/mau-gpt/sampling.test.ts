import { describe, expect, it } from 'vitest';
import { argmax, nextToken, sampleTopP, seededRandom } from '../../../electron/core/mau-gpt/sampling';
import { answerBudget } from '../../../electron/core/mau-gpt/context-budget';

describe('picking the next token', () => {
  it('greedy takes the largest logit, the first one on ties', () => {
    expect(argmax([0.1, 3, -1, 3])).toBe(1);
    // a row inside a [T, V] block: only that row counts
    expect(argmax([9, 9, 0, 1, 5, 2], 3, 3)).toBe(1);
  });

  it('the same seed draws the same sequence, another seed another one', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('top-p keeps only the nucleus: a token outside it is never drawn', () => {
    // probabilities ≈ 0.66, 0.24, 0.09, 0.01 → top-p 0.8 keeps the first two
    const logits = [Math.log(66), Math.log(24), Math.log(9), Math.log(1)];
    const random = seededRandom(1);
    const seen = new Set(Array.from({ length: 400 }, () => sampleTopP(logits, 0, 4, 1, 0.8, random)));
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it('a low temperature makes sampling all but greedy; sampling off is greedy', () => {
    const logits = [1, 2, 1.5];
    const random = seededRandom(3);
    const picks = Array.from({ length: 50 }, () =>
      nextToken(logits, 0, 3, { doSample: true, temperature: 0.01, topP: 1 }, random),
    );
    expect(new Set(picks)).toEqual(new Set([1]));
    expect(nextToken(logits, 0, 3, { doSample: false, temperature: 5, topP: 0.1 }, random)).toBe(1);
  });

  it('sampled frequencies follow the softmax', () => {
    const random = seededRandom(42);
    const counts = [0, 0];
    for (let i = 0; i < 4000; i++) counts[sampleTopP([0, Math.log(3)], 0, 2, 1, 1, random)]!++;
    expect(counts[1]! / 4000).toBeGreaterThan(0.72);
    expect(counts[1]! / 4000).toBeLessThan(0.78);
  });
});

describe('the context budget', () => {
  it('cuts max_new_tokens so that visual + prompt + answer fit maxContext', () => {
    expect(answerBudget('/p', 16, 10, 24, 128)).toBe(24);
    expect(answerBudget('/p', 16, 100, 24, 128)).toBe(12);
  });

  it('refuses a prompt that leaves no room, naming the numbers', () => {
    expect(() => answerBudget('/packs/tiny', 16, 112, 24, 128)).toThrow(
      /model pack \/packs\/tiny: the prompt takes 128 positions \(16 visual \+ 112 text tokens\).*maxContext = 128/,
    );
  });
});
