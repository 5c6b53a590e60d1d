import { describe, expect, it } from 'vitest';
import { rangeAt } from './useFixedRows';

const list = { rows: 100, rowHeight: 84, height: 840, pad: 4, overscan: 2 };

describe('rangeAt', () => {
  it('covers the rows on screen and the overscan on each side', () => {
    // rows 10..20 are (partly) on screen at 844 px
    expect(rangeAt(844, list)).toEqual({ first: 8, last: 22 });
    expect(rangeAt(0, list)).toEqual({ first: 0, last: 11 });
  });

  it('moves its ends in whole quanta, so stepping one row mounts rows a few at a time', () => {
    const quantised = { ...list, quantum: 8 };
    const ranges = Array.from({ length: 9 }, (_, step) => rangeAt(844 + step * 84, quantised));
    for (const r of ranges) {
      expect(r.first % 8).toBe(0);
      expect((r.last + 1) % 8).toBe(0);
    }
    // nine one-row steps change the range at most twice
    const changes = ranges.filter((r, i) => i > 0 && r.last !== ranges[i - 1]!.last).length;
    expect(changes).toBeLessThanOrEqual(2);
    // and the rows on screen plus the overscan stay inside it
    expect(ranges[0]).toEqual({ first: 8, last: 23 });
  });

  it('stays inside the list', () => {
    expect(rangeAt(100 * 84, { ...list, quantum: 8 })).toEqual({ first: 96, last: 99 });
    expect(rangeAt(0, { ...list, rows: 0 })).toEqual({ first: 0, last: -1 });
  });
});
