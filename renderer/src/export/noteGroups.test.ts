import { describe, expect, it } from 'vitest';
import { groupNotes } from './noteGroups';

const note = (file: string, reason: string, sample: number | null = null) => ({
  file,
  reason,
  sample,
  region: null,
});

describe('groupNotes', () => {
  it('puts notes about the whole export first, then reasons by how often they occur', () => {
    const groups = groupNotes(
      [
        note('a.jpg', 'polygon: kept as its box', 1),
        note('.', 'YOLO has no place for the category; not written (3 images)'),
        note('b.jpg', 'polygon: kept as its box', 2),
        note('b.jpg', 'polygon: kept as its box', 2),
        note('c.jpg', 'brush mask: kept as its box', 3),
      ],
      2,
    );
    expect(groups).toEqual([
      {
        reason: 'YOLO has no place for the category; not written (3 images)',
        count: 1,
        files: [],
        wholeExport: true,
      },
      { reason: 'polygon: kept as its box', count: 3, files: ['a.jpg', 'b.jpg'], wholeExport: false },
      { reason: 'brush mask: kept as its box', count: 1, files: ['c.jpg'], wholeExport: false },
    ]);
  });

  it('is empty for a report without notes', () => {
    expect(groupNotes([])).toEqual([]);
  });
});
