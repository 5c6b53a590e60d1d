import { POSITION_WORDS, type PositionWord } from './types';

/** The 3×3 grid cell of a point (a region's centroid) in a width × height image. */
export function positionOf(x: number, y: number, width: number, height: number): PositionWord {
  const cell = (value: number, size: number) => Math.min(2, Math.max(0, Math.floor((value / size) * 3)));
  return POSITION_WORDS[cell(y, height) * 3 + cell(x, width)] as PositionWord;
}
