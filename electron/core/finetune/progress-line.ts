import { z } from 'zod';

/** What `models/recipe/finetune.py` prints on stdout, one JSON object a line. */
export const RecipeLine = z.union([
  z.object({
    stage: z.literal('adapter'),
    step: z.number().int().nonnegative(),
    steps: z.number().int().positive(),
    loss: z.number(),
  }),
  z.object({
    stage: z.literal('data'),
    train: z.number().int().nonnegative(),
    val: z.number().int().nonnegative(),
    test: z.number().int().nonnegative(),
  }),
  z.object({ stage: z.literal('done'), pack: z.string(), name: z.string(), version: z.string() }),
  z.object({ stage: z.string(), message: z.string() }),
]);
export type RecipeLine = z.infer<typeof RecipeLine>;

/** A stdout line as the recipe's progress, or null for anything else (a stray print). */
export function parseRecipeLine(line: string): RecipeLine | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed = RecipeLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
