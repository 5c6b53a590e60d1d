import { z } from 'zod';
import { DEFECT_TYPES } from './defects/defect';
import { DOMAIN_NAMES, type DomainName } from './domains';
import { SyntheticOptions } from './options';

export const SYNTHETIC_MANIFEST_FILE = 'synthetic-manifest.json';

const DefectRecord = z.object({
  type: z.enum(DEFECT_TYPES),
  bbox: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  area_px: z.number().int().positive(),
  /** Mean luma inside minus around, grey levels; negative when the defect is darker. */
  contrast: z.number(),
  mask: z.string(),
});

const SampleRecord = z.object({
  file: z.string(),
  category: z.enum(DOMAIN_NAMES as [DomainName, ...DomainName[]]),
  domain: z.string(),
  split: z.enum(['train', 'test']),
  verdict: z.enum(['OK', 'NG']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
  defects: z.array(DefectRecord),
});
export type SyntheticSampleRecord = z.infer<typeof SampleRecord>;

/**
 * The generator's own record of what it drew: enough to redraw every image (seed and params)
 * and the exact truth per image. No time stamp, so the same seed gives the same file too.
 * Its top-level keys avoid COCO's ("images", "annotations") so format detection is not fooled.
 */
export const SyntheticManifest = z.object({
  format: z.literal('mau-studio-synthetic'),
  version: z.literal(1),
  prng: z.literal('mulberry32'),
  layout: z.literal('mvtec'),
  seed: z.number().int().nonnegative(),
  params: SyntheticOptions,
  counts: z.object({
    ok: z.number().int(),
    ng: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
  }),
  samples: z.array(SampleRecord),
});
export type SyntheticManifest = z.infer<typeof SyntheticManifest>;
