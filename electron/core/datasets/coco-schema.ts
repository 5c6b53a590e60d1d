import { z } from 'zod';
import { Split, Verdict } from '../../contract';

/**
 * The parts of a COCO file we read, validated record by record: one bad annotation is one
 * problem (`annotations[12].bbox: …`), never the end of the file.
 */

const Id = z.union([z.number().int(), z.string().min(1)]);

/** What our own exporter adds to each image, so a round trip keeps the image-level label. */
const MauImage = z.object({
  verdict: Verdict.nullable().optional(),
  split: Split.nullable().optional(),
  domain: z.string().nullable().optional(),
  category: z.string().nullable().optional(),
  partId: z.string().nullable().optional(),
  defectTypes: z.array(z.string()).optional(),
  texts: z.record(z.string(), z.string()).optional(),
});

export const CocoImage = z.object({
  id: Id,
  file_name: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mau: MauImage.optional(),
});
export type CocoImage = z.infer<typeof CocoImage>;

export const CocoCategory = z.object({
  id: Id,
  name: z.string().trim().min(1, 'is empty: a category needs a name'),
  supercategory: z.string().optional(),
});

export const CocoAnnotation = z.object({
  id: Id.optional(),
  image_id: Id,
  category_id: Id,
  bbox: z.tuple([z.number(), z.number(), z.number().nonnegative(), z.number().nonnegative()]).optional(),
  segmentation: z.unknown().optional(),
  iscrowd: z.union([z.literal(0), z.literal(1), z.boolean()]).optional(),
});
export type CocoAnnotation = z.infer<typeof CocoAnnotation>;

export const CocoPolygon = z.array(z.number()).superRefine((numbers, ctx) => {
  if (numbers.length < 6 || numbers.length % 2 === 1) {
    const need = numbers.length % 2 === 1 ? 'needs x, y pairs' : 'needs ≥ 6';
    ctx.addIssue({ code: 'custom', message: `polygon has ${numbers.length} numbers, ${need}` });
  }
});

export const CocoRle = z.object({
  size: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  counts: z.union([z.array(z.number().int().nonnegative()), z.string()]),
});

/** The file as a whole: only the three lists, each record checked on its own. */
export const CocoFile = z.object({
  images: z.array(z.unknown()),
  annotations: z.array(z.unknown()).default([]),
  categories: z.array(z.unknown()).default([]),
});

/**
 * `annotations[12].segmentation[0]: polygon has 4 numbers, needs ≥ 6` for the first issue;
 * `record` may be '' for the file itself.
 */
export function describeIssue(record: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${record}: invalid`;
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  const where = `${record}${path}`.replace(/^\./, '');
  return where ? `${where}: ${issue.message}` : issue.message;
}
