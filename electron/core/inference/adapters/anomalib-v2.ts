import { kindPhrase, packError } from '../errors';
import type { ModelPack } from '../pack/model-pack';
import type { Thresholds } from '../pack/schema';
import { normaliseMap } from '../processing/heatmap';
import { binaryMask, mapPlane } from '../processing/plane-ops';
import type { TensorData } from '../session/tensor-data';
import type { PredictionResult } from '../types';
import { numbers, outputTensor, plane, type Adapter, type DecodeInput } from './adapter';
import { anomalyResult, minMaxNormalise } from './anomaly-result';

function anomalibPack(input: DecodeInput): Extract<ModelPack, { kind: 'anomalib' }> {
  if (input.pack.kind !== 'anomalib')
    throw packError(input.pack.dir, `is ${kindPhrase(input.pack.kind)}, not an anomalib pack`);
  return input.pack;
}

/** Without the post-processor the pack's thresholds decide, else the export's own label and mask. */
function uncalibrated(
  map: Float32Array,
  score: number,
  label: TensorData | undefined,
  maskTensor: TensorData | undefined,
  t: Thresholds,
): { verdict: 'OK' | 'NG'; heat: Float32Array; mask: Uint8Array } {
  const ng = t.image !== undefined ? score >= t.image : (label ? numbers(label)[0]! : score) >= 0.5;
  const pixel = t.pixel;
  const n = t.normalisation;
  const heat =
    n && pixel !== undefined
      ? mapPlane(map, (v) => minMaxNormalise(v, pixel, n.min, n.max))
      : normaliseMap(map, n);
  let mask: Uint8Array;
  if (pixel !== undefined) mask = binaryMask(map, pixel);
  else if (maskTensor) mask = binaryMask(numbers(maskTensor));
  else mask = binaryMask(heat, 0.5);
  return { verdict: ng ? 'NG' : 'OK', heat, mask };
}

/**
 * anomalib 2.x exports: `pred_score`, `pred_label`, `anomaly_map`, `pred_mask` by role. With the
 * post-processor in the graph the label is bool and score and map are already normalised so
 * that 0.5 is the threshold: calibrated. A float label means the export skipped it: the pack's
 * own thresholds decide, and the result is flagged uncalibrated.
 */
export const anomalibV2: Adapter = {
  check(pack) {
    for (const role of ['score', 'anomaly-map']) {
      if (!pack.manifest.outputs.some((o) => o.role === role)) {
        throw packError(
          pack.dir,
          `model.json: outputs: an anomalib v2 pack needs an output with role "${role}"`,
        );
      }
    }
  },

  decode(input): PredictionResult {
    const pack = anomalibPack(input);
    const score = numbers(outputTensor(input, 'score'))[0] ?? 0;
    const label = outputTensor(input, 'label', true);
    const mapTensor = outputTensor(input, 'anomaly-map');
    const maskTensor = outputTensor(input, 'mask', true);
    const { width, height } = plane(input, mapTensor, 'anomaly map');
    const map = mapTensor.data as Float32Array;
    const calibrated = label?.type === 'bool';
    if (calibrated) {
      const heat = mapPlane(map, (v) => Math.min(1, Math.max(0, v)));
      const mask = binaryMask(maskTensor ? numbers(maskTensor) : heat, maskTensor ? undefined : 0.5);
      const verdict = numbers(label)[0] ? 'NG' : 'OK';
      return anomalyResult(
        { score, verdict, calibrated, heat, mask, width, height },
        input.geometry,
        pack.options,
      );
    }
    const { verdict, heat, mask } = uncalibrated(map, score, label, maskTensor, pack.manifest.thresholds);
    return anomalyResult(
      { score, verdict, calibrated, heat, mask, width, height },
      input.geometry,
      pack.options,
    );
  },
};
