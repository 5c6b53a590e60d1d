import type { ErrorCode } from '../../../contract/result';
import type { ExpectedIo, ValueInfo } from './check-io';
import type { ProviderFallback, ProviderName } from './providers';
import type { TensorData } from './tensor-data';

/** Messages between a SessionHandle and its worker; one worker owns at most one session. */
export type WorkerRequest =
  | {
      id: number;
      op: 'open';
      label: string;
      modelPath: string;
      providers?: ProviderName[];
      intraOpNumThreads?: number;
      expected?: ExpectedIo;
      imageSize?: { width: number; height: number };
    }
  | { id: number; op: 'run'; feeds: Record<string, TensorData> }
  | { id: number; op: 'inspect'; modelPath: string }
  | { id: number; op: 'close' };

export type OpenReply = {
  provider: ProviderName;
  fallbacks: ProviderFallback[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  warmupMs: number;
  /** Providers this onnxruntime-node build lists. */
  available: string[];
};

export type RunReply = { outputs: Record<string, TensorData>; runMs: number };

export type InspectReply = { inputs: ValueInfo[]; outputs: ValueInfo[] };

export type WireError = { message: string; code?: ErrorCode; details?: string[] };

export type WorkerResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };
