import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { messageOf, packError } from '../errors';
import type { ValueInfo } from '../session/check-io';
import type { PackManifest } from './schema';

const IMAGENET = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
const V2_ROLES: Record<string, string> = {
  pred_score: 'score',
  pred_label: 'label',
  anomaly_map: 'anomaly-map',
  pred_mask: 'mask',
};

export type ForeignDraft = Pick<PackManifest, 'inputs' | 'outputs' | 'thresholds' | 'options' | 'labels'> & {
  extraFiles: { path: string; role: string }[];
};

type V1Metadata = {
  image: number;
  pixel: number;
  min: number;
  max: number;
  size?: number[];
  mean?: number[];
  std?: number[];
};

function num(record: Record<string, unknown>, ...keys: string[]): number | undefined {
  for (const key of keys) if (typeof record[key] === 'number') return record[key];
  return undefined;
}

function numbers(value: unknown, length?: number): number[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) return undefined;
  return length === undefined || value.length === length ? (value as number[]) : undefined;
}

/** anomalib 1.x metadata.json; older exports split min/max into anomaly_maps.* and pred_scores.*. */
async function readV1Metadata(onnxPath: string): Promise<V1Metadata> {
  const path = join(dirname(onnxPath), 'metadata.json');
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw packError(
      onnxPath,
      `an anomalib v1 export needs metadata.json beside it with thresholds: ${messageOf(error)}`,
    );
  }
  const image = num(record, 'image_threshold');
  const pixel = num(record, 'pixel_threshold') ?? image;
  const min = num(record, 'min', 'anomaly_maps.min', 'pred_scores.min');
  const max = num(record, 'max', 'anomaly_maps.max', 'pred_scores.max');
  if (image === undefined || pixel === undefined || min === undefined || max === undefined || !(max > min)) {
    throw packError(path, 'needs numeric image_threshold, pixel_threshold, min and max (max > min)');
  }
  const transform = (record.transform ?? {}) as Record<string, unknown>;
  return {
    image,
    pixel,
    min,
    max,
    size: numbers(transform.image_size ?? record.image_size),
    mean: numbers(transform.mean, 3),
    std: numbers(transform.std, 3),
  };
}

function spatialSize(
  input: ValueInfo,
  fallback: number[] | undefined,
  path: string,
): { width: number; height: number } {
  const [h, w] = input.shape.slice(-2);
  if (typeof h === 'number' && typeof w === 'number') return { width: w, height: h };
  const [fh, fw] = fallback ?? [];
  if (fh && fw) return { width: fw, height: fh };
  throw packError(
    path,
    `input ${input.name} has open spatial size [${input.shape.join(', ')}]; pass inputSize`,
  );
}

/** model.json fields for an anomalib export, v2 told apart by its named outputs. */
export async function draftAnomalib(
  onnxPath: string,
  inputs: ValueInfo[],
  outputs: ValueInfo[],
  inputSize?: { width: number; height: number },
): Promise<ForeignDraft> {
  const input = inputs[0];
  if (inputs.length !== 1 || !input)
    throw packError(onnxPath, `expected one image input, found ${inputs.length}`);
  const v2 = outputs.some((o) => o.name in V2_ROLES);
  const meta = v2 ? undefined : await readV1Metadata(onnxPath);
  const size = inputSize ?? spatialSize(input, meta?.size, onnxPath);
  const norm = v2
    ? { mean: [0, 0, 0], std: [1, 1, 1] }
    : { mean: meta?.mean ?? IMAGENET.mean, std: meta?.std ?? IMAGENET.std };
  const draft: ForeignDraft = {
    inputs: [
      {
        name: input.name,
        shape: input.shape,
        dtype: 'float32',
        colourOrder: 'RGB',
        resize: { mode: 'stretch', ...size, padValue: 114 },
        normalise: { ...norm, scale: 255 },
      },
    ],
    outputs: [],
    labels: [],
    thresholds: {},
    options: { variant: v2 ? 'v2' : 'v1' },
    extraFiles: v2 ? [] : [{ path: 'metadata.json', role: 'metadata' }],
  };
  if (v2) {
    draft.outputs = outputs
      .filter((o) => o.name in V2_ROLES)
      .map((o) => ({ name: o.name, role: V2_ROLES[o.name]! }));
    return draft;
  }
  // v1 names only its first output; tell the map (…×H×W) from a score (one value per image)
  const map = outputs.find((o) => o.shape.length >= 3);
  const score = outputs.find((o) => o !== map && o.shape.length <= 2);
  if (!map)
    throw packError(
      onnxPath,
      `no output looks like an anomaly map (outputs: ${outputs.map((o) => o.name).join(', ')})`,
    );
  draft.outputs = [
    { name: map.name, role: 'anomaly-map' },
    ...(score ? [{ name: score.name, role: 'score' }] : []),
  ];
  draft.thresholds = {
    image: meta!.image,
    pixel: meta!.pixel,
    normalisation: { min: meta!.min, max: meta!.max },
  };
  return draft;
}
