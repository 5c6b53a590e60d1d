import { imageError, packError } from '../errors';
import type { ModelPack } from '../pack/model-pack';
import type { Geometry } from '../processing/geometry';
import type { TensorData } from '../session/tensor-data';
import type { PredictionResult } from '../types';

export type DecodeInput = {
  pack: ModelPack;
  outputs: Record<string, TensorData>;
  geometry: Geometry;
  /** Names the image in errors. */
  image: string;
};

export type Adapter = {
  /** Throws when the pack lacks something this adapter needs (before any session opens). */
  check(pack: ModelPack): void;
  decode(input: DecodeInput): PredictionResult;
};

/** The output a pack assigns to `role`, checked to be there and free of NaN/Inf. */
export function outputTensor(input: DecodeInput, role: string): TensorData;
export function outputTensor(input: DecodeInput, role: string, optional: true): TensorData | undefined;
export function outputTensor(input: DecodeInput, role: string, optional = false): TensorData | undefined {
  const name = input.pack.manifest.outputs.find((o) => o.role === role)?.name;
  const tensor = name === undefined ? undefined : input.outputs[name];
  if (!tensor) {
    if (optional) return undefined;
    throw packError(
      input.pack.dir,
      `the model returned no output for role "${role}" (${name ?? 'not in model.json'})`,
    );
  }
  if (tensor.type === 'float32') {
    const bad = nonFiniteCount(tensor.data as Float32Array);
    if (bad > 0) {
      throw imageError(
        input.image,
        `model pack ${input.pack.dir}: output ${name} has ${bad} NaN/Inf value(s) of ${tensor.data.length}; the model or its input is broken`,
        'INTERNAL',
      );
    }
  }
  return tensor;
}

/**
 * How many values are NaN or ±Inf. A sum of value × 0 stays 0 unless one is (NaN and Inf times
 * zero are NaN), so a clean map costs one multiply-add per value; Number.isFinite per value was a
 * quarter of an anomaly map's decoding.
 */
export function nonFiniteCount(data: Float32Array): number {
  let probe = 0;
  for (let i = 0; i < data.length; i++) probe += data[i]! * 0;
  if (probe === 0) return 0;
  let bad = 0;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) bad++;
  return bad;
}

/** Reads a tensor as numbers whatever its element type (bool and uint8 alike). */
export function numbers(tensor: TensorData): ArrayLike<number> {
  if (tensor.data instanceof BigInt64Array) return Float64Array.from(tensor.data, Number);
  return tensor.data as ArrayLike<number>;
}

/** A [.., H, W] map of batch 1 as its plane; more than one plane is refused. */
export function plane(
  input: DecodeInput,
  tensor: TensorData,
  what: string,
): { width: number; height: number } {
  const dims = tensor.dims;
  const width = dims[dims.length - 1] ?? 0;
  const height = dims[dims.length - 2] ?? 0;
  const leading = dims.slice(0, -2).reduce((n, d) => n * d, 1);
  if (dims.length < 2 || leading !== 1) {
    throw packError(
      input.pack.dir,
      `${what} has shape [${dims.join(', ')}], expected one H×W plane (batch 1)`,
    );
  }
  return { width, height };
}
