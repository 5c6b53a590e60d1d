import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFECT_TYPES } from './defects/defect';
import { DOMAINS } from './domains';
import { generateSample } from './generate';
import { SYNTHETIC_MANIFEST_FILE, type SyntheticManifest, type SyntheticSampleRecord } from './manifest';
import { parseSyntheticOptions, type SyntheticOptionsInput } from './options';
import { planDataset } from './plan';
import { encodeImagePng, encodeMaskPng } from './png';

export type WriteProgress = (done: number, total: number) => void;

/**
 * Writes a seeded synthetic dataset in the MVTec AD layout (`<category>/train/good`,
 * `<category>/test/<type>`, `<category>/ground_truth/<type>/<stem>_mask.png`) that the MVTec
 * importer reads, plus `synthetic-manifest.json` with the seed, the options and every image's
 * truth. One defect per NG image, because an MVTec image sits in one defect-type folder.
 */
export async function writeSyntheticDataset(
  outDir: string,
  input: SyntheticOptionsInput = {},
  onProgress?: WriteProgress,
): Promise<SyntheticManifest> {
  const options = parseSyntheticOptions(input);
  const plan = planDataset(options);
  const samples: SyntheticSampleRecord[] = [];
  const byType: Record<string, number> = {};
  for (const [i, spec] of plan.entries()) {
    const { image, defect } = generateSample(spec);
    await writeBytes(join(outDir, spec.file), await encodeImagePng(image));
    const defects: SyntheticSampleRecord['defects'] = [];
    if (defect && spec.maskFile) {
      await writeBytes(
        join(outDir, spec.maskFile),
        await encodeMaskPng(defect.mask, image.width, image.height),
      );
      defects.push({
        type: defect.type,
        bbox: defect.bbox,
        area_px: defect.areaPx,
        contrast: defect.contrast,
        mask: spec.maskFile,
      });
      byType[defect.type] = (byType[defect.type] ?? 0) + 1;
    }
    samples.push({
      file: spec.file,
      category: spec.category,
      domain: DOMAINS[spec.category].domain,
      split: spec.split,
      verdict: defect ? 'NG' : 'OK',
      width: image.width,
      height: image.height,
      seed: spec.seed,
      defects,
    });
    onProgress?.(i + 1, plan.length);
  }
  const ng = samples.filter((s) => s.verdict === 'NG').length;
  const manifest: SyntheticManifest = {
    format: 'mau-studio-synthetic',
    version: 1,
    prng: 'mulberry32',
    layout: 'mvtec',
    seed: options.seed,
    params: options,
    counts: { ok: samples.length - ng, ng, byType: inTypeOrder(byType) },
    samples,
  };
  await writeBytes(join(outDir, SYNTHETIC_MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** Counts keyed in the fixed DEFECT_TYPES order, so reports read the same for every seed. */
function inTypeOrder(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(DEFECT_TYPES.filter((t) => counts[t]).map((t) => [t, counts[t]!]));
}

async function writeBytes(path: string, content: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}
