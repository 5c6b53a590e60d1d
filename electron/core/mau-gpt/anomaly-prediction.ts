import type { Thresholds } from '../inference/pack/schema';
import { imageError } from '../inference/errors';
import type { Geometry } from '../inference/processing/geometry';
import { cropPlane, placeMap } from '../inference/processing/map-placement';
import { regionsFromMask } from '../inference/processing/regions';
import type { TensorData } from '../inference/session/tensor-data';
import type { PredictionResult } from '../inference/types';
import { shrinkMap } from './map-shrink';

/** Defaults of a pack without thresholds: the encoder's outputs are probabilities. */
const DEFAULT_THRESHOLD = 0.5;
const REGION_OPTIONS = { minAreaPx: 0, simplifyTolerance: 0.75, maxRegions: 100 };

function maskAt(heat: Float32Array, pixel: number): Uint8Array {
  const mask = new Uint8Array(heat.length);
  for (let i = 0; i < heat.length; i++) mask[i] = heat[i]! >= pixel ? 1 : 0;
  return mask;
}

/**
 * The picture half of a MAU-GPT prediction: verdict from anomaly_score vs thresholds.image,
 * the 0..1 anomaly map over the image, and, on a part called NG, one region per connected area
 * of the map at or above thresholds.pixel. A part called OK lists none: its answers say there is
 * no defect to locate, and a clean board listed eleven regions "to decide" beside them; the heat
 * map still shows where the map runs high. Regions are traced on the map as given; the stored map
 * is then shrunk to at most MAX_STORED_MAP_SIDE per side (a tiles-mode map can be thousands wide).
 */
export function anomalyPrediction(
  image: string,
  map: TensorData,
  score: number,
  geometry: Geometry,
  thresholds: Thresholds,
  /** The category's regionPeak: regions whose highest map value stays below it are not listed. */
  regionPeak = 0,
): PredictionResult {
  const width = map.dims[map.dims.length - 1]!;
  const height = map.dims[map.dims.length - 2]!;
  const data = map.data as Float32Array;
  if (map.type !== 'float32' || data.length !== width * height) {
    throw imageError(
      image,
      `anomaly_map is ${map.type} [${map.dims.join(', ')}], expected float32 [1, 1, H, W]`,
      'INTERNAL',
    );
  }
  const heatFull = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!Number.isFinite(v))
      throw imageError(image, `anomaly_map has a NaN/Inf value at pixel ${i}`, 'INTERNAL');
    heatFull[i] = Math.min(1, Math.max(0, v));
  }
  const pixel = thresholds.pixel ?? DEFAULT_THRESHOLD;
  const { crop, place } = placeMap(width, height, geometry);
  const heat = cropPlane(heatFull, width, crop);
  const verdict = score >= (thresholds.image ?? DEFAULT_THRESHOLD) ? 'NG' : 'OK';
  return {
    score,
    verdict,
    calibrated: thresholds.image !== undefined,
    anomalyMap: shrinkMap({ width: crop.width, height: crop.height, data: heat }),
    regions:
      verdict === 'NG'
        ? regionsFromMask(maskAt(heat, pixel), heat, crop.width, crop.height, place, REGION_OPTIONS).filter(
            (region) => region.score >= regionPeak,
          )
        : [],
  };
}
