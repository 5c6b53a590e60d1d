import { describe, expect, it } from 'vitest';
import { DeltaBatcher } from '../../../electron/core/mau-gpt/delta-batcher';

describe('DeltaBatcher', () => {
  it('sends the first delta at once, then at most one joined delta per interval, and the rest on flush', () => {
    let t = 0;
    const sent: [number, string][] = [];
    const batcher = new DeltaBatcher(
      (text) => sent.push([t, text]),
      16,
      () => t,
    );
    batcher.add('The');
    for (const word of [' pit', ' is', '', ' small']) {
      t += 5;
      batcher.add(word);
    }
    t += 5; // 25 ms: past the interval since the first send
    batcher.add(' and');
    t += 1;
    batcher.add(' dark.');
    batcher.flush();
    batcher.flush(); // nothing left: nothing sent
    expect(sent).toEqual([
      [0, 'The'],
      [20, ' pit is small'],
      [26, ' and dark.'],
    ]);
    expect(sent.map(([, text]) => text).join('')).toBe('The pit is small and dark.');
  });
});
