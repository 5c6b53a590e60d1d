import { kindPhrase, packError } from '../errors';
import type { Thresholds } from '../pack/schema';
import { binaryMask, mapPlane } from '../processing/plane-ops';
import type { PredictionResult } from '../types';
import { numbers, outputTensor, plane, type Adapter } from './adapter';
import { anomalyResult, minMaxNormalise } from './anomaly-result';

type Calibration = { image: number; pixel: number; min: number; max: number };

function calibration(dir: string, t: Thresholds): Calibration {
  if (t.image === undefined || t.pixel === undefined || !t.normalisation) {
    throw packError(
      dir,
      "model.json: thresholds: an anomalib v1 pack needs image, pixel and normalisation {min, max} (from the export's metadata.json)",
    );
  }
  return { image: t.image, pixel: t.pixel, ...t.normalisation };
}

/**
 * anomalib 1.x exports: one raw anomaly map (PaDiM-like) or a map and a score (PatchCore-like),
 * normalised here with the metadata.json statistics the way anomalib's inferencer does:
 * (x − threshold) / (max − min) + 0.5, so the threshold lands on 0.5. Without a score output the
 * image score is the map's maximum.
 */
export const anomalibV1: Adapter = {
  check(pack) {
    calibration(pack.dir, pack.manifest.thresholds);
    if (!pack.manifest.outputs.some((o) => o.role === 'anomaly-map')) {
      throw packError(
        pack.dir,
        'model.json: outputs: an anomalib v1 pack needs an output with role "anomaly-map"',
      );
    }
  },

  decode(input): PredictionResult {
    const pack = input.pack;
    if (pack.kind !== 'anomalib')
      throw packError(pack.dir, `is ${kindPhrase(pack.kind)}, not an anomalib pack`);
    const c = calibration(pack.dir, pack.manifest.thresholds);
    const mapTensor = outputTensor(input, 'anomaly-map');
    const { width, height } = plane(input, mapTensor, 'anomaly map');
    const map = mapTensor.data as Float32Array;
    const scoreTensor = outputTensor(input, 'score', true);
    let raw = scoreTensor ? numbers(scoreTensor)[0]! : -Infinity;
    if (!scoreTensor) for (const v of map) raw = Math.max(raw, v);
    const score = minMaxNormalise(raw, c.image, c.min, c.max);
    const heat = mapPlane(map, (v) => minMaxNormalise(v, c.pixel, c.min, c.max));
    const mask = binaryMask(heat, 0.5);
    const verdict = score >= 0.5 ? 'NG' : 'OK';
    return anomalyResult(
      { score, verdict, calibrated: true, heat, mask, width, height },
      input.geometry,
      pack.options,
    );
  },
};
