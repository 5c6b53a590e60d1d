import type { Brightness, QaRegion } from './types';

export const SIZE_WORDS = ['tiny', 'small', 'medium-sized', 'large'] as const;
export const SHAPE_WORDS = ['elongated', 'compact', 'irregular'] as const;
export const CONTRAST_WORDS = [
  'darker than its surroundings',
  'brighter than its surroundings',
  'about as bright as its surroundings',
] as const;

export type SizeWord = (typeof SIZE_WORDS)[number];
export type ShapeWord = (typeof SHAPE_WORDS)[number];
export type ContrastWord = (typeof CONTRAST_WORDS)[number];

/** By share of the image: a defect is judged against the part it sits on. */
export function sizeWord(areaPct: number): SizeWord {
  if (areaPct < 0.1) return 'tiny';
  if (areaPct < 1) return 'small';
  if (areaPct < 5) return 'medium-sized';
  return 'large';
}

/** Elongated when one side is 3× the other, irregular when it fills under half of its box. */
export function shapeWord(region: Pick<QaRegion, 'bbox' | 'fillRatio'>): ShapeWord {
  const [, , w, h] = region.bbox;
  const long = Math.max(w, h);
  const short = Math.max(1e-9, Math.min(w, h));
  if (long / short >= 3) return 'elongated';
  return region.fillRatio < 0.5 ? 'irregular' : 'compact';
}

/** Grey levels closer than this (of 255) read as the same brightness to an inspector. */
const SAME_BRIGHTNESS = 8;

export function contrastWord(brightness: Brightness | null | undefined): ContrastWord | null {
  if (!brightness) return null;
  const difference = brightness.region - brightness.surround;
  if (Math.abs(difference) < SAME_BRIGHTNESS) return 'about as bright as its surroundings';
  return difference < 0 ? 'darker than its surroundings' : 'brighter than its surroundings';
}

export type Look = { size: SizeWord; shape: ShapeWord; contrast: ContrastWord | null };

export function lookOf(region: QaRegion): Look {
  return {
    size: sizeWord(region.areaPct),
    shape: shapeWord(region),
    contrast: contrastWord(region.brightness),
  };
}

/** "a small, elongated mark, darker than its surroundings" */
export function lookPhrase(look: Look): string {
  const mark = `a ${look.size}, ${look.shape} mark`;
  return look.contrast ? `${mark}, ${look.contrast}` : mark;
}

/** Every other look of the same form (with or without contrast): the pool of L4 distractors. */
export function otherLooks(look: Look): Look[] {
  const contrasts: (ContrastWord | null)[] = look.contrast ? [...CONTRAST_WORDS] : [null];
  const out: Look[] = [];
  for (const size of SIZE_WORDS)
    for (const shape of SHAPE_WORDS)
      for (const contrast of contrasts)
        if (size !== look.size || shape !== look.shape || contrast !== look.contrast)
          out.push({ size, shape, contrast });
  return out;
}
