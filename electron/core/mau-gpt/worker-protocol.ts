import type { ProviderFallback, ProviderName } from '../inference/session/providers';
import type { TensorData } from '../inference/session/tensor-data';
import type { WireError } from '../inference/session/protocol';
import type { StopReason } from './decoder-loop';
import type { GenerationSettings } from './generation-config';
import type { MauGptPack } from './load-mau-gpt';
import type { TilesRequest } from './tiles-input';

/** Messages between a MauGptRuntime and its generation worker (one pack per worker). */
export type GenRequest =
  | { id: number; op: 'open'; pack: MauGptPack; providers?: ProviderName[]; intraOpNumThreads?: number }
  /** `pixels` is the resized view (the decoder's); with `tiles` the map and score come from the tiles. */
  | { id: number; op: 'encode'; pixels: TensorData; tiles?: TilesRequest; category?: string }
  | {
      id: number;
      op: 'generate';
      imageKey: number;
      question: string;
      /** Text the answer must start with (see MauGptOptions.groundedL1); the decoder writes the rest. */
      answerStart?: string;
      /** Phrases the answer may not contain (see MauGptOptions.groundedLevels). */
      avoid?: string[];
      settings: GenerationSettings;
      /** Int32 flag set to 1 by the caller to stop between steps; no message needs to get through. */
      cancel: SharedArrayBuffer;
    }
  | { id: number; op: 'replay'; imageKey: number; question: string; tokens: number[] }
  /** Region crops [N, 3, S, S] for the region-type head (options.defectTypes.regions). */
  | { id: number; op: 'regionTypes'; crops: TensorData }
  | { id: number; op: 'forget'; imageKey: number }
  | { id: number; op: 'close' };

export type OpenGenReply = {
  provider: ProviderName;
  fallbacks: ProviderFallback[];
  /** Vision encoder, embeddings, decoder opened and warmed up. */
  warmupMs: number;
};

export type EncodeReply = {
  imageKey: number;
  anomalyMap: TensorData;
  anomalyScore: number;
  /** The defect-type head's logits on the resized view (options.defectTypes.labels order), where the pack has one. */
  typeLogits?: number[];
  runMs: number;
  /** Tiles mode: how many tiles made the map, in how many encoder runs. */
  tiles?: { count: number; runs: number };
};

export type GenerateReply = {
  text: string;
  tokens: number[];
  stop: StopReason;
  promptTokens: number;
  decoderMs: number;
  loopMs: number;
};

export type ReplayReply = { steps: number; decoderMs: number };

/** One row of type logits per crop, in options.defectTypes.labels order. */
export type RegionTypesReply = { logits: number[][] };

export type GenResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  /** A streamed piece of the answer of request `id`, posted while it generates. */
  | { id: number; delta: string };
