// MAU-GPT: a vision encoder with an anomaly head and a text decoder with a KV cache, run in a
// generation worker (docs/MAU-GPT-PACK.md is the pack contract).

export { MauGptOptions, LEVELS, promptFor, type Level } from './options';
export { GenerationConfigFile, defaultSettings, type GenerationSettings } from './generation-config';
export { loadMauGptPack, completeMauGptPack, ROLES, type MauGptPack } from './load-mau-gpt';
export {
  MauGptRuntime,
  visionInput,
  type EncodedImage,
  type GenerateOptions,
  type RuntimeOptions,
} from './runtime';
export { answerAllLevels, type AnswerOptions, type LevelAnswers } from './answer-levels';
export { createMauGptPredictor, type MauGptPredictor, type MauGptPredictorOptions } from './predictor';
export { anomalyPrediction } from './anomaly-prediction';
export { tileStarts, tileGrid, tileOrigins, type TileGrid } from './tile-grid';
export { shrinkMap, MAX_STORED_MAP_SIDE } from './map-shrink';
export { TextStream } from './text-stream';
export { seededRandom, nextToken, sampleTopP, argmax } from './sampling';
export type { GenerateReply, ReplayReply } from './worker-protocol';
