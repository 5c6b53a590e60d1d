import type { ProviderFallback, ProviderName } from '../inference/session/providers';
import type { TensorData } from '../inference/session/tensor-data';
import type { WireError } from '../inference/session/protocol';
import type { StopReason } from './decoder-loop';
import type { GenerationSettings } from './generation-config';
import type { MauGptPack } from './load-mau-gpt';

/** Messages between a MauGptRuntime and its generation worker (one pack per worker). */
export type GenRequest =
  | { id: number; op: 'open'; pack: MauGptPack; providers?: ProviderName[]; intraOpNumThreads?: number }
  | { id: number; op: 'encode'; pixels: TensorData }
  | {
      id: number;
      op: 'generate';
      imageKey: number;
      question: string;
      settings: GenerationSettings;
      /** Int32 flag set to 1 by the caller to stop between steps; no message needs to get through. */
      cancel: SharedArrayBuffer;
    }
  | { id: number; op: 'replay'; imageKey: number; question: string; tokens: number[] }
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
  runMs: number;
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

export type GenResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  /** A streamed piece of the answer of request `id`, posted while it generates. */
  | { id: number; delta: string };
