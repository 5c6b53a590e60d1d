import { describe, expect, it } from 'vitest';
import { defaultOutDir, parentFolder, stamp } from './outDir';

describe('export folder', () => {
  it('finds the parent of POSIX and Windows paths', () => {
    expect(parentFolder('/home/qa/lines/press-3')).toBe('/home/qa/lines');
    expect(parentFolder('/home/qa/lines/press-3/')).toBe('/home/qa/lines');
    expect(parentFolder('/press-3')).toBe('/');
    expect(parentFolder('C:\\qa\\press-3')).toBe('C:\\qa');
  });

  it('names a new folder beside the project by format and minute', () => {
    const at = new Date(2026, 11, 2, 9, 5, 7);
    expect(stamp(at)).toBe('20261202-090507');
    expect(defaultOutDir('/home/qa/press-3', 'press-3', 'yolo-detect', at)).toBe(
      '/home/qa/press-3-yolo-detect-20261202-090507',
    );
    expect(defaultOutDir('C:\\qa\\line', 'Line 2: press', 'coco', at)).toBe(
      'C:\\qa\\Line 2- press-coco-20261202-090507',
    );
  });
});
