import { z } from 'zod';
import { Verdict } from '../../contract/domain';
import { Shape } from '../../contract/geometry';
import { TextLevelKey } from '../../contract/review';

/**
 * A predictions file: any model's output for images already in a project, so it can be reviewed
 * before (or without) running the model in MAU Studio.
 *
 * {
 *   "format": "mau-studio-predictions", "version": 1,
 *   "model": { "name": "yolo-pcb", "version": "2025-01", "kind": "yolo", "threshold": 0.5 },
 *   "predictions": [
 *     { "image": "data/S1_0042.png",          // relative path in the project, or a unique file name
 *       "score": 0.91,                        // image anomaly score, or null
 *       "verdict": "NG",                      // optional: from score ≥ model.threshold when left out
 *       "regions": [{ "defectType": "pitting", "score": 0.88,
 *                     "shape": { "kind": "box", "x": 10, "y": 20, "w": 30, "h": 40 } }],
 *       "texts": { "1": "Yes.", "4": "A dark pit, 3 px wide." } }   // answers per task level
 *   ]
 * }
 * Shapes are the contract's (box, polygon with ≥ 3 points, mask cropped to its box with RLE).
 * A bad record is reported by its index and field and skipped; the rest are imported.
 */
export const PREDICTIONS_FORMAT = 'mau-studio-predictions';

export const PredictionsFileHeader = z.object({
  format: z.literal(PREDICTIONS_FORMAT),
  version: z.literal(1),
  model: z.object({
    name: z.string().trim().min(1).max(200),
    version: z.string().trim().min(1).max(100),
    kind: z.string().trim().min(1).max(50).default('external'),
    threshold: z.number().default(0.5),
  }),
  predictions: z.array(z.unknown()),
});
export type PredictionsFileHeader = z.infer<typeof PredictionsFileHeader>;

export const PredictionRecord = z
  .object({
    image: z.string().min(1).max(4096),
    score: z.number().nullable(),
    verdict: Verdict.optional(),
    regions: z
      .array(
        z.object({
          defectType: z.string().trim().min(1).max(100).nullable().default(null),
          score: z.number().nullable().default(null),
          shape: Shape,
        }),
      )
      .default([]),
    texts: z.partialRecord(TextLevelKey, z.string().max(50_000)).default({}),
  })
  .strict();
export type PredictionRecord = z.infer<typeof PredictionRecord>;

/** "predictions[3].regions[0].shape.points: Too small …": the field a person has to fix. */
export function describeIssue(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = (issue?.path ?? [])
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
  const field = prefix ? `${prefix}${path}` : path.replace(/^\./, '') || '(file)';
  return `${field}: ${issue?.message ?? 'invalid'}`;
}
