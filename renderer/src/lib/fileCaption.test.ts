import { describe, expect, it } from 'vitest';
import { fileCaption } from './fileCaption';

describe('how an image is named on screen', () => {
  it('is the file name where the name says something', () => {
    expect(
      fileCaption('01_200828110510_477500_315_crop_2.jpg', 'data/01_200828110510_477500_315_crop_2.jpg'),
    ).toBe('01_200828110510_477500_315_crop_2.jpg');
    expect(fileCaption('crazing_12.jpg', 'IMAGES/crazing_12.jpg')).toBe('crazing_12.jpg');
  });

  it('names the folders above a numbered file, which repeats in every folder', () => {
    expect(fileCaption('000.png', 'brushed_metal/test/contamination/000.png')).toBe(
      'test/contamination/000.png',
    );
    expect(fileCaption('007.PNG', 'screw\\train\\good\\007.PNG')).toBe('train/good/007.PNG');
    expect(fileCaption('3.jpg', 'batch/3.jpg')).toBe('batch/3.jpg');
    expect(fileCaption('3.jpg', '3.jpg')).toBe('3.jpg');
  });
});
