import type { Shape } from '../../contract/geometry';

export type PredictedRegion = {
  /** A pack label for detectors; null where the model only says "anomalous here". */
  defectType: string | null;
  score: number;
  /** Source-image pixels: a polygon where an outline is known, else a box. */
  shape: Shape;
  /** Area in source-image pixels. */
  areaPx: number;
};

/** A 0..1 heat map covering exactly the source image (letterbox borders cropped away). */
export type AnomalyMap = { width: number; height: number; data: Float32Array };

/** What every adapter returns for one image: the part a prediction stores. */
export type PredictionResult = {
  /** anomalib: image anomaly score (0..1 when calibrated); yolo: best detection confidence, 0 if none. */
  score: number;
  verdict: 'OK' | 'NG';
  /** True when the verdict rests on thresholds the model or pack was calibrated with. */
  calibrated: boolean;
  anomalyMap?: AnomalyMap;
  regions: PredictedRegion[];
  /** Answers per task level ('1'..'5'), from models that answer in text (MAU-GPT). */
  texts?: Partial<Record<string, string>>;
};

export type PredictTimings = { preprocessMs: number; runMs: number; postprocessMs: number; totalMs: number };

/** One image through a predictor: the result plus what the job and the cache need to know. */
export type PredictOutcome = {
  result: PredictionResult;
  image: { path: string; width: number; height: number };
  /** Turbo-coloured PNG of the anomaly map, when one was asked for and the model has a map. */
  heatmapPath?: string;
  provider: string;
  timings: PredictTimings;
};
