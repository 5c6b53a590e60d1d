import { packError } from '../errors';
import type { ModelPack } from '../pack/model-pack';
import type { Geometry } from '../processing/geometry';
import type { TensorData } from '../session/tensor-data';
import type { PredictionResult } from '../types';
import type { Adapter } from './adapter';
import { anomalibV1 } from './anomalib-v1';
import { anomalibV2 } from './anomalib-v2';
import { yolo } from './yolo';

export function adapterFor(pack: ModelPack): Adapter {
  switch (pack.kind) {
    case 'anomalib':
      return pack.options.variant === 'v1' ? anomalibV1 : anomalibV2;
    case 'yolo':
      return yolo;
    case 'mau-gpt':
      throw packError(
        pack.dir,
        'is a mau-gpt pack: it runs through the MAU-GPT generator, not a prediction adapter',
        'UNSUPPORTED',
      );
  }
}

/** Raw session outputs → PredictionResult, for callers that ran the session themselves. */
export function decodeOutputs(
  pack: ModelPack,
  outputs: Record<string, TensorData>,
  geometry: Geometry,
  image: string,
): PredictionResult {
  return adapterFor(pack).decode({ pack, outputs, geometry, image });
}
