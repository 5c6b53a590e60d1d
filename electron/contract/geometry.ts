import { z } from 'zod';

/** All coordinates are in source-image pixels, origin top-left, x right, y down. */
export const Point = z.tuple([z.number(), z.number()]);
export type Point = z.infer<typeof Point>;

export const BoxShape = z.object({
  kind: z.literal('box'),
  x: z.number(),
  y: z.number(),
  w: z.number().nonnegative(),
  h: z.number().nonnegative(),
});

export const PolygonShape = z.object({
  kind: z.literal('polygon'),
  points: z.array(Point).min(3),
});

/**
 * A bitmask cropped to its bounding box (cost follows the defect, not the image).
 * `rle` is run-length counts over the w×h crop in row-major order, starting with a run of
 * zeros (which may be 0 long), alternating 0/1 runs.
 */
export const MaskShape = z.object({
  kind: z.literal('mask'),
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
  rle: z.array(z.number().int().nonnegative()),
});

export const Shape = z.discriminatedUnion('kind', [BoxShape, PolygonShape, MaskShape]);
export type Shape = z.infer<typeof Shape>;
export type BoxShape = z.infer<typeof BoxShape>;
export type PolygonShape = z.infer<typeof PolygonShape>;
export type MaskShape = z.infer<typeof MaskShape>;
