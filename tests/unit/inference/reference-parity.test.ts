import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOutputs } from '../../../electron/core/inference/adapters/select';
import { loadModelPack } from '../../../electron/core/inference/pack/load-pack';
import { imageInputOf, type ModelPack } from '../../../electron/core/inference/pack/model-pack';
import { preprocessImage } from '../../../electron/core/inference/processing/preprocess';
import type { SessionHandle } from '../../../electron/core/inference/session/session-handle';
import { SessionPool } from '../../../electron/core/inference/session/session-pool';
import type { TensorData } from '../../../electron/core/inference/session/tensor-data';
import type { PredictionResult } from '../../../electron/core/inference/types';
import {
  maxAbsError,
  PACKS,
  readReference,
  readRefOutput,
  REFERENCE,
  TEST_MODELS,
  type AnomalyExpected,
  type RefCase,
  type Reference,
  type YoloExpected,
} from './helpers';

const TOLERANCE = 1e-4;
const NAMES = ['crazing', 'inclusion', 'patches', 'pitted_surface', 'rolled-in_scale', 'scratches'];

function bounds(points: [number, number][]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Top-k breaks ties among equal scores (flat letterbox borders give many) in an
 * implementation-defined way, in order and in which tied rows make the cut. So end-to-end rows
 * are compared as a set, leaving out rows tied with the lowest score that made the cut.
 */
function rankedRows(tensor: TensorData, cutoff: number): Float32Array {
  const width = tensor.dims[tensor.dims.length - 1]!;
  const data = tensor.data as Float32Array;
  const rows = Array.from({ length: data.length / width }, (_, i) =>
    data.subarray(i * width, (i + 1) * width),
  )
    .filter((row) => row[4]! > cutoff + 1e-5)
    .sort((a, b) => b[4]! - a[4]! || a[0]! - b[0]! || a[1]! - b[1]!);
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
}

function lowestScore(tensor: TensorData): number {
  const width = tensor.dims[tensor.dims.length - 1]!;
  const data = tensor.data as Float32Array;
  let lowest = Infinity;
  for (let i = 4; i < data.length; i += width) lowest = Math.min(lowest, data[i]!);
  return lowest;
}

function compareAnomaly(result: PredictionResult, expected: AnomalyExpected, c: RefCase): void {
  expect(Math.abs(result.score - expected.score)).toBeLessThan(TOLERANCE);
  expect(result.verdict).toBe(expected.verdict);
  expect(result.calibrated).toBe(expected.calibrated);
  expect(result.regions).toHaveLength(expected.components.length);
  const fx = c.transform.sourceWidth / expected.mapWidth;
  const fy = c.transform.sourceHeight / expected.mapHeight;
  for (const component of expected.components) {
    // with simplification off the outline's bounds are exactly the component's pixel bounds
    const match = result.regions.find((r) => {
      if (r.shape.kind !== 'polygon') return false;
      const [x0, y0, x1, y1] = bounds(r.shape.points);
      return [x0 / fx, y0 / fy, x1 / fx, y1 / fy].every((v, i) => Math.abs(v - component.bbox[i]!) < 1e-6);
    });
    expect(match, `component at ${component.bbox.join(',')}`).toBeDefined();
    expect(match!.areaPx / (fx * fy)).toBeCloseTo(component.pixels, 6);
    expect(Math.abs(match!.score - component.max)).toBeLessThan(TOLERANCE);
  }
}

function compareYolo(result: PredictionResult, expected: YoloExpected, c: RefCase): void {
  const { sx, sy } = c.transform;
  expect(result.regions).toHaveLength(expected.detections.length);
  expected.detections.forEach((want, i) => {
    const got = result.regions[i]!;
    expect(Math.abs(got.score - want.score)).toBeLessThan(TOLERANCE);
    expect(got.defectType).toBe(NAMES[want.class]);
    if (want.maskPixels === undefined || want.maskPixels === 0) {
      expect(got.shape.kind).toBe('box');
      if (got.shape.kind !== 'box') return;
      const box = [got.shape.x, got.shape.y, got.shape.x + got.shape.w, got.shape.y + got.shape.h];
      expect(maxAbsError(box, want.box)).toBeLessThan(1e-2);
      return;
    }
    // mask pixels are counted in model-input pixels inside the letterboxed image
    const pixels = got.areaPx * sx * sy;
    expect(Math.abs(pixels - want.maskPixels)).toBeLessThanOrEqual(Math.max(2, want.maskPixels * 0.01));
    expect(got.shape.kind).toBe('polygon');
    if (got.shape.kind !== 'polygon') return;
    // the outline stays in its box (to the pixel edge past the box's last column or row)
    const [x0, y0, x1, y1] = bounds(got.shape.points);
    expect(x0).toBeGreaterThanOrEqual(want.box[0]! - 1e-6);
    expect(y0).toBeGreaterThanOrEqual(want.box[1]! - 1e-6);
    expect(x1).toBeLessThanOrEqual(want.box[2]! + 1 / sx + 1e-6);
    expect(y1).toBeLessThanOrEqual(want.box[3]! + 1 / sy + 1e-6);
  });
}

describe.each(PACKS)('test pack %s against PyTorch', (name) => {
  const pool = new SessionPool({ providers: ['cpu'], intraOpNumThreads: 1 });
  let pack: ModelPack;
  let session: SessionHandle;
  let reference: Reference;
  const outputs = new Map<string, Record<string, TensorData>>();

  beforeAll(async () => {
    pack = await loadModelPack(join(TEST_MODELS, name));
    session = await pool.acquire(pack);
    reference = await readReference(name);
  });
  afterAll(() => pool.close());

  it('gives the PyTorch outputs through onnxruntime-node (max abs error < 1e-4)', async () => {
    for (const c of reference.cases) {
      const { tensor } = await preprocessImage(join(REFERENCE, c.inputPng), imageInputOf(pack));
      const { outputs: got } = await session.run({ [imageInputOf(pack).name]: tensor });
      outputs.set(c.name, got);
      for (const [output, ref] of Object.entries(c.outputs)) {
        const want = await readRefOutput(ref);
        const have = got[output];
        expect(have, `output ${output}`).toBeDefined();
        expect(have!.dims).toEqual(want.dims);
        expect(have!.type).toBe(want.type);
        const rowSet = pack.kind === 'yolo' && pack.options.format === 'nms' && output === 'output0';
        const cutoff = rowSet ? Math.max(lowestScore(want), lowestScore(have!)) : 0;
        const error = rowSet
          ? maxAbsError(rankedRows(have!, cutoff), rankedRows(want, cutoff))
          : maxAbsError(have!.data as ArrayLike<number>, want.data as ArrayLike<number>);
        const kept = rowSet ? rankedRows(want, cutoff).length / want.dims[2]! : 0;
        const note = rowSet
          ? ` (${kept} rows above the top-k tie cut-off ${cutoff.toFixed(4)}, as a set)`
          : '';
        if (rowSet) expect(kept).toBeGreaterThan(100);
        console.log(
          `[parity] ${name}/${c.name} ${output} [${want.dims.join('x')}]${note}: max abs error ${error.toExponential(2)}`,
        );
        expect(error).toBeLessThan(TOLERANCE);
      }
    }
  });

  it('decodes to the answer computed in Python (score, verdict, regions)', () => {
    const exact = {
      ...pack,
      options: { ...pack.options, simplifyTolerance: 0, maxRegions: 1000 },
    } as ModelPack;
    for (const c of reference.cases) {
      const got = outputs.get(c.name);
      expect(got, 'outputs of the previous test').toBeDefined();
      const result = decodeOutputs(exact, got!, c.transform, c.image);
      if (pack.kind === 'anomalib') compareAnomaly(result, c.expected as AnomalyExpected, c);
      else compareYolo(result, c.expected as YoloExpected, c);
    }
  });
});
