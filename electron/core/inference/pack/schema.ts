import { z } from 'zod';

/** The `format` tag of model.json; bump it when an old engine could misread a new manifest. */
export const PACK_FORMAT = 'mau-model-pack/1';

export const PackKind = z.enum(['anomalib', 'yolo', 'mau-gpt']);
export type PackKind = z.infer<typeof PackKind>;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** Relative, forward-slash, inside the pack: a manifest must never point outside its folder. */
const PackPath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'must be a relative path inside the pack folder',
  });

export const PackFile = z.object({
  path: PackPath,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  /** `model` is the ONNX graph a session runs; others: metadata, tokenizer, weights, … */
  role: z.string().min(1),
});
export type PackFile = z.infer<typeof PackFile>;

const Dim = z.union([z.number().int().positive(), z.string().min(1)]);

export const Resize = z.object({
  mode: z.enum(['stretch', 'letterbox']),
  width: z.number().int().positive().max(8192),
  height: z.number().int().positive().max(8192),
  /** Grey level of letterbox borders (Ultralytics pads with 114). */
  padValue: z.number().int().min(0).max(255).default(114),
});

/** value = (pixel / scale − mean[c]) / std[c], per channel in the input's colour order. */
export const Normalise = z.object({
  mean: z.array(finite).length(3),
  std: z.array(finite.refine((v) => v !== 0, 'must not be 0')).length(3),
  scale: finite.refine((v) => v > 0, 'must be positive'),
});

/**
 * A graph input. Image inputs (anomalib, yolo, the MAU-GPT vision encoder) carry resize and
 * normalise; token or cache inputs of a decoder do not.
 */
export const PackInput = z.object({
  name: z.string().min(1),
  /** Symbolic names (e.g. "batch") where the graph leaves a dimension open. */
  shape: z.array(Dim).min(1).max(8),
  dtype: z.enum(['float32', 'float16', 'int64', 'int32', 'uint8', 'bool']),
  /** Which `files` entry (by path) the input belongs to, for packs with several graphs. */
  file: z.string().optional(),
  colourOrder: z.enum(['RGB', 'BGR']).default('RGB'),
  resize: Resize.optional(),
  normalise: Normalise.optional(),
});
export type PackInput = z.infer<typeof PackInput>;

/** An image input after `imageInputOf` checked it: NCHW float32 with its preprocessing. */
export type ImageInput = PackInput & {
  dtype: 'float32';
  resize: z.infer<typeof Resize>;
  normalise: z.infer<typeof Normalise>;
};

export const PackOutput = z.object({
  name: z.string().min(1),
  /** anomalib: score, label, anomaly-map, mask; yolo: detections, prototypes. */
  role: z.string().min(1),
});
export type PackOutput = z.infer<typeof PackOutput>;

export const Thresholds = z
  .object({
    /** Verdict threshold on the image score, in the units the model's score comes out in. */
    image: finite.optional(),
    /** Region threshold on the anomaly map, same units as the map. */
    pixel: finite.optional(),
    /** anomalib min/max statistics: normalised = (x − threshold) / (max − min) + 0.5. */
    normalisation: z
      .object({ min: finite, max: finite })
      .refine((n) => n.max > n.min, 'max must be greater than min')
      .optional(),
  })
  .default({});
export type Thresholds = z.infer<typeof Thresholds>;

export const ModelCard = z
  .object({
    licence: z.string().optional(),
    authors: z.array(z.string()).optional(),
    source: z.string().optional(),
    trainingData: z.string().optional(),
    intendedUse: z.string().optional(),
    limitations: z.string().optional(),
  })
  .catchall(z.unknown())
  .default({});

export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  kind: PackKind,
  name: z.string().min(1).max(200),
  version: z.string().min(1).max(50),
  description: z.string().max(5000).default(''),
  card: ModelCard,
  files: z.array(PackFile).min(1),
  inputs: z.array(PackInput).default([]),
  outputs: z.array(PackOutput).default([]),
  labels: z.array(z.string()).default([]),
  thresholds: Thresholds,
  /** Adapter options, validated per kind (see options.ts). */
  options: z.record(z.string(), z.unknown()).default({}),
});
export type PackManifest = z.infer<typeof PackManifest>;
