import { describe, expect, it } from 'vitest';
import { importStartFolder } from './startFolder';

describe('where the import dialog opens', () => {
  it('opens at home in a project without images', () => {
    expect(importStartFolder([], '/home/qa')).toBe('/home/qa');
  });

  it('opens at the folder holding the project’s image folders', () => {
    const roots = ['/data/shared/bsdata', '/data/shared/deeppcb', '/data/shared/neu-det'];
    expect(importStartFolder(roots, '/home/qa')).toBe('/data/shared');
    expect(importStartFolder(['/lines/3/2026-11-28'], '/home/qa')).toBe('/lines/3');
    expect(importStartFolder(['/data/a/x', '/data/b/y'], '/home/qa')).toBe('/data');
  });

  it('opens at home when the folders share only the filesystem root', () => {
    expect(importStartFolder(['/mnt/a', '/srv/b'], '/home/qa')).toBe('/home/qa');
    expect(importStartFolder(['/images'], '/home/qa')).toBe('/home/qa');
    expect(importStartFolder(['C:\\scans\\a', 'D:\\b\\c'], 'C:\\Users\\qa')).toBe('C:\\Users\\qa');
  });

  it('keeps Windows paths in their own separators', () => {
    expect(importStartFolder(['C:\\scans\\line3\\a', 'C:\\scans\\line3\\b'], 'C:\\Users\\qa')).toBe(
      'C:\\scans\\line3',
    );
  });
});
