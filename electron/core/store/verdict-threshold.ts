import { z } from 'zod';
import { fromJson } from './sql';

const Finite = z.number().finite();
/** What a stored manifest says about image thresholds; everything else in it is ignored here. */
const ImageThresholds = z.object({
  thresholds: z.object({ image: Finite.optional() }).passthrough().optional(),
  options: z
    .object({
      categoryThresholds: z
        .record(z.string(), z.object({ image: Finite.optional() }).passthrough())
        .optional(),
    })
    .passthrough()
    .optional(),
});

/**
 * The image threshold a pack's verdict on a sample of `category` rests on: the category's own
 * (options.categoryThresholds, as the MAU-GPT runtime applies it) where the pack has one, else
 * its thresholds.image; null where the stored manifest states none (imported predictions).
 */
export function verdictThreshold(manifestJson: string, category: string | null): number | null {
  const parsed = ImageThresholds.safeParse(fromJson(manifestJson));
  if (!parsed.success) return null;
  const { thresholds, options } = parsed.data;
  const own = category === null ? undefined : options?.categoryThresholds?.[category]?.image;
  return own ?? thresholds?.image ?? null;
}
