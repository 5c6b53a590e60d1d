import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { asPackId, type ModelPackInfo, type SessionRecord } from '../../contract/api-inference';
import type { ModelPack, PackManifest } from '../inference';
import { CategoryThresholds, DefectTypes } from '../mau-gpt/options';

/**
 * A pack's identity for the project: the parsed manifest lists every file's sha256 together with
 * thresholds and options, so two packs that would answer differently never share a digest.
 */
export function packDigest(pack: Pick<ModelPack, 'manifest'>): string {
  return createHash('sha256').update(JSON.stringify(pack.manifest)).digest('hex');
}

export const registeredPackId = (rowId: number) => asPackId(`pack:${rowId}`);
export const shippedPackId = (folder: string) => asPackId(`shipped:${folder}`);

/** Registered ids give the store row; shipped ids give the folder name; anything else is null. */
export function parsePackId(packId: string): { rowId: number } | { shipped: string } | null {
  const registered = /^pack:([1-9][0-9]*)$/.exec(packId);
  if (registered) return { rowId: Number(registered[1]) };
  const shipped = /^shipped:(.+)$/.exec(packId);
  return shipped ? { shipped: shipped[1]! } : null;
}

function variantOf(manifest: PackManifest): string | null {
  const o = manifest.options;
  if (manifest.kind === 'anomalib' && typeof o.variant === 'string') return o.variant;
  if (manifest.kind === 'yolo' && typeof o.task === 'string') return `${o.task}/${String(o.format ?? '?')}`;
  return null;
}

function fileBytes(dir: string, path: string): number | null {
  return dir ? (statSync(join(dir, path), { throwIfNoEntry: false })?.size ?? null) : null;
}

export type PackInfoExtras = {
  packId: ModelPackInfo['packId'];
  dir: string;
  shipped: boolean;
  registered: boolean;
  addedAt: string | null;
  session: SessionRecord | null;
  predictionCount: number;
  problem: string | null;
};

/** A MAU-GPT pack's per-category thresholds, when its options carry valid ones. */
function categoryThresholdsOf(manifest: PackManifest): Pick<ModelPackInfo['thresholds'], 'byCategory'> {
  if (manifest.kind !== 'mau-gpt') return {};
  const parsed = CategoryThresholds.safeParse(manifest.options['categoryThresholds']);
  return parsed.success ? { byCategory: parsed.data } : {};
}

/** The labels a MAU-GPT pack's defect-type head gives each category, when it has a valid head. */
function labelsByCategoryOf(manifest: PackManifest): Pick<ModelPackInfo, 'labelsByCategory'> {
  if (manifest.kind !== 'mau-gpt') return {};
  const parsed = DefectTypes.safeParse(manifest.options['defectTypes']);
  return parsed.success ? { labelsByCategory: parsed.data.byCategory } : {};
}

export function packInfo(manifest: PackManifest, extras: PackInfoExtras): ModelPackInfo {
  const t = manifest.thresholds;
  return {
    ...extras,
    kind: manifest.kind,
    name: manifest.name,
    version: manifest.version,
    variant: variantOf(manifest),
    description: manifest.description,
    card: manifest.card,
    inputs: manifest.inputs.map((i) => ({
      name: i.name,
      shape: i.shape,
      dtype: i.dtype,
      colourOrder: i.colourOrder,
      resize: i.resize ? { mode: i.resize.mode, width: i.resize.width, height: i.resize.height } : null,
      normalise: i.normalise ?? null,
    })),
    outputs: manifest.outputs,
    labels: manifest.labels,
    ...labelsByCategoryOf(manifest),
    thresholds: {
      image: t.image ?? null,
      pixel: t.pixel ?? null,
      normalisation: t.normalisation ?? null,
      ...categoryThresholdsOf(manifest),
    },
    files: manifest.files.map((f) => ({ ...f, bytes: fileBytes(extras.dir, f.path) })),
  };
}
