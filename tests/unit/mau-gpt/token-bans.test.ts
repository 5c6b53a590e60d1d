import { describe, expect, it } from 'vitest';
import { blockAvoided, blockRepeatedNgrams } from '../../../electron/core/mau-gpt/token-bans';

const row = () => ({ data: new Float32Array(12).fill(1), offset: 2 });
const banned = (r: { data: Float32Array; offset: number }) =>
  [...r.data.subarray(r.offset)].flatMap((v, id) => (v === -Infinity ? [id] : []));

describe('token bans in the decoder loop', () => {
  it('rules out what would repeat an n-gram of the answer', () => {
    const r = row();
    // answer 5 6 7 5 6: the trigram 5 6 7 is there, so after "5 6" token 7 is out
    blockRepeatedNgrams(r, [5, 6, 7, 5, 6], 3);
    expect(banned(r)).toEqual([7]);
    const bigram = row();
    blockRepeatedNgrams(bigram, [1, 2, 1, 3, 1], 2);
    expect(banned(bigram)).toEqual([2, 3]);
    const off = row();
    blockRepeatedNgrams(off, [4, 4, 4], 0);
    blockRepeatedNgrams(off, [4], 3);
    expect(banned(off)).toEqual([]);
  });

  it("rules out an avoided phrase's last token where the answer ends with the rest of it", () => {
    const r = row();
    blockAvoided(r, [3, 8, 9], [[8, 9, 4], [1, 2], [5]]);
    expect(banned(r)).toEqual([4, 5]);
  });
});
