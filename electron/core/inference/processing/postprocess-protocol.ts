import type { ModelPack } from '../pack/model-pack';
import type { WireError } from '../session/protocol';
import type { TensorData } from '../session/tensor-data';
import type { PredictionResult } from '../types';
import type { Geometry } from './geometry';
import type { HeatmapPngOptions } from './heatmap';

/** One image's outputs to turn into a result (and its heat-map PNG) in the post-processing worker. */
export type FinishRequest = {
  id: number;
  pack: ModelPack;
  outputs: Record<string, TensorData>;
  geometry: Geometry;
  /** Names the image in errors. */
  image: string;
  heatmapPath?: string;
  heatmap?: HeatmapPngOptions;
};

export type FinishReply = { result: PredictionResult; heatmapWritten: boolean; postprocessMs: number };

export type FinishResponse =
  { id: number; ok: true; value: FinishReply } | { id: number; ok: false; error: WireError };
