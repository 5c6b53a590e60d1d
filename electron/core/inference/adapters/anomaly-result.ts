import type { AnomalibOptions } from '../pack/options';
import type { Geometry } from '../processing/geometry';
import { cropPlane, placeMap } from '../processing/map-placement';
import { regionsFromMask } from '../processing/regions';
import type { PredictionResult } from '../types';

export type AnomalyParts = {
  score: number;
  verdict: 'OK' | 'NG';
  calibrated: boolean;
  /** 0..1 map over the whole model input; also the score of each region. */
  heat: Float32Array;
  /** 1 where the model (or its threshold) calls a pixel anomalous. */
  mask: Uint8Array;
  width: number;
  height: number;
};

/** anomalib's normalize_min_max: the threshold lands on 0.5, clipped to 0..1. */
export function minMaxNormalise(value: number, threshold: number, min: number, max: number): number {
  return Math.min(1, Math.max(0, (value - threshold) / (max - min) + 0.5));
}

/** Shared tail of both anomalib adapters: crop letterbox borders, extract regions. */
export function anomalyResult(parts: AnomalyParts, g: Geometry, options: AnomalibOptions): PredictionResult {
  const { crop, place } = placeMap(parts.width, parts.height, g);
  const heat = cropPlane(parts.heat, parts.width, crop);
  const mask = cropPlane(parts.mask, parts.width, crop);
  const regions = regionsFromMask(mask, heat, crop.width, crop.height, place, {
    minAreaPx: options.minRegionAreaPx,
    simplifyTolerance: options.simplifyTolerance,
    maxRegions: options.maxRegions,
  });
  return {
    score: parts.score,
    verdict: parts.verdict,
    calibrated: parts.calibrated,
    anomalyMap: { width: crop.width, height: crop.height, data: heat },
    regions,
  };
}
