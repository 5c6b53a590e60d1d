import { z } from 'zod';
import { MauGptOptions } from '../../mau-gpt/options';

const nonNegative = z.number().nonnegative();

export const AnomalibOptions = z
  .object({
    /** v1: raw map (+ score) and metadata.json statistics; v2: named outputs, post-processed in graph. */
    variant: z.enum(['v1', 'v2']),
    /** Regions smaller than this many source pixels are dropped as noise. */
    minRegionAreaPx: nonNegative.default(0),
    /** Douglas–Peucker tolerance of region outlines, in anomaly-map pixels. */
    simplifyTolerance: nonNegative.default(0.75),
    maxRegions: z.number().int().positive().default(100),
  })
  .strict();
export type AnomalibOptions = z.infer<typeof AnomalibOptions>;

export const YoloOptions = z
  .object({
    task: z.enum(['detect', 'segment']),
    /** raw: [B, 4+nc(+nm), N] before NMS; nms: [B, K, 6(+nm)] rows x1,y1,x2,y2,score,class. */
    format: z.enum(['raw', 'nms']),
    confThreshold: z.number().min(0).max(1).default(0.25),
    iouThreshold: z.number().min(0).max(1).default(0.45),
    maxDetections: z.number().int().positive().default(300),
    /** On sigmoid(coeffs·protos), like Ultralytics. */
    maskThreshold: z.number().gt(0).lt(1).default(0.5),
    /** Douglas–Peucker tolerance of mask outlines, in model-input pixels. */
    simplifyTolerance: nonNegative.default(1),
  })
  .strict();
export type YoloOptions = z.infer<typeof YoloOptions>;

export const optionSchemas = {
  anomalib: AnomalibOptions,
  yolo: YoloOptions,
  'mau-gpt': MauGptOptions,
} as const;
