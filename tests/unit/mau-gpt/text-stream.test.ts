import { describe, expect, it } from 'vitest';
import { TextStream, type TokenDecoder } from '../../../electron/core/mau-gpt/text-stream';

/** A byte-level decoder: each token is one UTF-8 byte, like byte-fallback BPE pieces. */
const bytes: TokenDecoder = {
  decode: (ids) => new TextDecoder().decode(Uint8Array.from(ids)),
};

/** A BPE decoder with an end-of-word suffix: a word's space appears only once the next word starts. */
const words = ['de', 'fect</w>', 'is</w>', 'long</w>'];
const suffixed: TokenDecoder = {
  decode: (ids) =>
    ids
      .map((id) => words[id]!)
      .join('')
      .replaceAll('</w>', ' ')
      .trimEnd(),
};

describe('streaming text deltas', () => {
  it('holds back a character split across tokens until it is complete', () => {
    const stream = new TextStream(bytes);
    const ids = [...new TextEncoder().encode('Kratzer → Öl')];
    const deltas = ids.map((id) => stream.push(id));
    expect(deltas.join('') + stream.flush()).toBe('Kratzer → Öl');
    expect(deltas.every((d) => !d.includes('\uFFFD'))).toBe(true);
    // the three bytes of the arrow arrive as one delta, on the third byte
    const arrowAt = ids.indexOf(0xe2);
    expect(deltas.slice(arrowAt, arrowAt + 3)).toEqual(['', '', '→']);
  });

  it('a multi-token word and the spaces between words come out right', () => {
    const stream = new TextStream(suffixed);
    const deltas = [0, 1, 2, 3].map((id) => stream.push(id));
    expect(deltas.join('') + stream.flush()).toBe('defect is long');
    expect(stream.text()).toBe('defect is long');
  });
});
