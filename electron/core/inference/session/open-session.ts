import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { messageOf, packError } from '../errors';
import { checkIo, concreteDims, type ExpectedIo, type ValueInfo } from './check-io';
import type { Ort } from './ort';
import type { ProviderFallback, ProviderName } from './providers';
import { elementCount, type TensorData, type TensorType } from './tensor-data';
import { readableOrtError } from './error-text';
import { webgpuUnavailableReason } from './vulkan-drivers';

export type OpenOptions = {
  /** Names the pack in every error. */
  label: string;
  modelPath: string;
  /** Tried one at a time, in order; the plan must end with cpu. */
  plan: ProviderName[];
  /** Providers this onnxruntime-node build knows at all. */
  available: readonly string[];
  intraOpNumThreads?: number;
  /** onnxruntime's intra-op threads busy-wait between runs unless this is false (default: they do). */
  allowSpinning?: boolean;
  expected?: ExpectedIo;
  /** Model-input size, to give open spatial dimensions a value for the warm-up run. */
  imageSize?: { width: number; height: number };
};

/** Why a provider cannot start on this machine, when that is known without trying it. */
const knownUnavailable = (provider: ProviderName): string | undefined =>
  provider === 'webgpu' ? webgpuUnavailableReason() : undefined;

export type OpenedSession = {
  session: InferenceSession;
  provider: ProviderName;
  fallbacks: ProviderFallback[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  warmupMs: number;
};

export function valueInfo(metadata: readonly InferenceSession.ValueMetadata[]): ValueInfo[] {
  return metadata.map((m) =>
    m.isTensor
      ? { name: m.name, type: m.type, shape: [...m.shape] }
      : { name: m.name, type: 'non-tensor', shape: [] },
  );
}

function zeros(type: TensorType, count: number): TensorData['data'] {
  if (type === 'int64') return new BigInt64Array(count);
  if (type === 'int32') return new Int32Array(count);
  if (type === 'float16') return new Uint16Array(count);
  if (type === 'float32') return new Float32Array(count);
  return new Uint8Array(count);
}

function warmupFeeds(ort: Ort, options: OpenOptions, inputs: ValueInfo[]): Record<string, Tensor> {
  const feeds: Record<string, Tensor> = {};
  for (const want of options.expected?.inputs ?? []) {
    const model = inputs.find((i) => i.name === want.name);
    const dims = concreteDims(want.shape, model?.shape ?? [], options.imageSize);
    feeds[want.name] = new ort.Tensor(want.dtype, zeros(want.dtype, elementCount(dims)), dims);
  }
  return feeds;
}

/**
 * The session options every engine session is created with (exported so benches can open a bare
 * session that differs from the engine's only in running on the calling thread).
 */
export function sessionOptionsFor(
  provider: ProviderName,
  options: Pick<OpenOptions, 'intraOpNumThreads' | 'allowSpinning'>,
): InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    interOpNumThreads: 1,
    ...(options.intraOpNumThreads ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
    // spinning pool threads keep cores busy after each run, taking them from the image decode and
    // post-processing that overlap it; only a caller that runs back to back (a decoder loop) wants it
    ...(options.allowSpinning === false ? { extra: { session: { intra_op: { allow_spinning: '0' } } } } : {}),
    logSeverityLevel: 3,
  };
}

async function create(ort: Ort, options: OpenOptions, provider: ProviderName): Promise<InferenceSession> {
  return ort.InferenceSession.create(options.modelPath, sessionOptionsFor(provider, options));
}

/**
 * Opens a session with the first provider that both initialises and survives a warm-up run.
 * Each provider is tried alone: onnxruntime-node asked for ['webgpu', 'cpu'] throws when WebGPU
 * fails instead of falling back, so the fall-back is done here and every reason kept.
 * A disagreement between model.json and the graph is the pack's fault, not the provider's, and
 * ends the attempt at once.
 */
export async function openWithFallback(ort: Ort, options: OpenOptions): Promise<OpenedSession> {
  const fallbacks: ProviderFallback[] = [];
  for (const provider of options.plan) {
    if (provider !== 'cpu' && !options.available.includes(provider)) {
      const reason = `not built into this onnxruntime-node (it has: ${options.available.join(', ')})`;
      fallbacks.push({ provider, reason });
      continue;
    }
    const unavailable = knownUnavailable(provider);
    if (unavailable) {
      fallbacks.push({ provider, reason: unavailable });
      continue;
    }
    let session: InferenceSession;
    try {
      session = await create(ort, options, provider);
    } catch (error) {
      fallbacks.push({ provider, reason: readableOrtError(messageOf(error)) });
      continue;
    }
    const inputs = valueInfo(session.inputMetadata);
    const outputs = valueInfo(session.outputMetadata);
    const problems = options.expected ? checkIo(options.expected, inputs, outputs) : [];
    if (problems.length > 0) {
      await session.release();
      throw packError(
        options.label,
        `model.json does not match the model: ${problems.join('; ')}`,
        'INVALID_INPUT',
        problems,
      );
    }
    const started = performance.now();
    try {
      if (options.expected) await session.run(warmupFeeds(ort, options, inputs));
    } catch (error) {
      await session.release();
      fallbacks.push({ provider, reason: `warm-up run failed: ${readableOrtError(messageOf(error))}` });
      continue;
    }
    return { session, provider, fallbacks, inputs, outputs, warmupMs: performance.now() - started };
  }
  const reasons = fallbacks.map((f) => `${f.provider}: ${f.reason}`);
  throw packError(
    options.label,
    `no execution provider could run the model (${reasons.join('; ')})`,
    'UNSUPPORTED',
    reasons,
  );
}
