import { describe, expect, it } from 'vitest';
import { splitName } from './nameSplit';

describe('splitName', () => {
  it('keeps the end of a long name whole, starting at a separator', () => {
    expect(splitName('01_200828110510_477500_315_crop_2.jpg')).toEqual({
      head: '01_200828110510_',
      tail: '477500_315_crop_2.jpg',
    });
  });

  it('cuts where it must when no separator is near', () => {
    const { head, tail } = splitName('abcdefghijklmnopqrstuvwxyz0123456789.png');
    expect(head + tail).toBe('abcdefghijklmnopqrstuvwxyz0123456789.png');
    expect(tail).toBe('tuvwxyz0123456789.png'.slice(-18));
  });

  it('leaves short names alone', () => {
    expect(splitName('00041046.jpg')).toEqual({ head: '00041046.jpg', tail: '' });
    expect(splitName('')).toEqual({ head: '', tail: '' });
  });
});
