// The inference engine's public surface: what jobs, the store and the CLI wire in.
// onnxruntime-node loads lazily inside session workers; importing this module does not load it.

export { loadModelPack, MANIFEST_FILE, type LoadPackOptions } from './pack/load-pack';
export { importForeignModel, type ImportForeignOptions } from './pack/import-foreign';
export { fileOfRole, imageInputOf, type ModelPack, type PackOfKind } from './pack/model-pack';
export { PackManifest, PackKind, PACK_FORMAT } from './pack/schema';
export { parseClassNames } from './pack/python-literal';
export { readOnnxModelInfo, type OnnxModelInfo } from './pack/onnx-metadata';

export {
  createPredictor,
  type Predictor,
  type PredictorOptions,
  type ManyItem,
  type ManyOptions,
} from './predictor';
export { adapterFor, decodeOutputs } from './adapters/select';

export { SessionPool, type SessionOptions, type SessionPoolOptions } from './session/session-pool';
export { SessionHandle, inspectModel, type SessionInfo } from './session/session-handle';
export { defaultWorkerLocation, type WorkerLocation } from './session/worker-channel';
export { PROVIDERS, isProviderName, type ProviderName, type ProviderFallback } from './session/providers';
export type { TensorData } from './session/tensor-data';

export { preprocessImage, type PreparedImage } from './processing/preprocess';
export { geometryFor, type Geometry } from './processing/geometry';
export { normaliseMap, writeHeatmapPng } from './processing/heatmap';
export { regionsFromMask } from './processing/regions';

export type { PredictionResult, PredictedRegion, AnomalyMap, PredictOutcome, PredictTimings } from './types';
