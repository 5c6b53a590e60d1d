import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { AppError } from '../../contract/result';
import type { Ort } from '../inference/session/ort';
import { answerBudget } from './context-budget';
import type { Embeddings } from './embedding-table';
import type { GenerationSettings } from './generation-config';
import { pastKey, presentKey } from './graph-check';
import type { MauGptOptions } from './options';
import { nextToken, seededRandom } from './sampling';
import { blockAvoided, blockRepeatedNgrams } from './token-bans';

export type Graphs = {
  ort: Ort;
  label: string;
  options: MauGptOptions;
  decoder: InferenceSession;
  embeddings: Embeddings;
};

/** What the vision encoder left for the decoder: visual tokens [1, Nv, D] and z [1, Dz]. */
export type EncodedImage = { imageEmbeds: Tensor; anomalyFeature: Tensor };

export type StopReason = 'eos' | 'max-new-tokens' | 'max-context';

export type LoopResult = {
  tokens: number[];
  stop: StopReason;
  promptTokens: number;
  /** Time inside decoder.run only, and the whole loop, for the overhead ratio. */
  decoderMs: number;
  loopMs: number;
};

export type LoopRequest = {
  promptIds: number[];
  /** The answer's first tokens, fed instead of sampled (they count as generated, and stream). */
  forcedIds?: readonly number[];
  /** Token sequences the answer may not contain (bad-words blocking); forced tokens are exempt. */
  avoidIds?: readonly (readonly number[])[];
  settings: GenerationSettings;
  /** Polled between steps; true ends generation with a CANCELLED error. */
  cancelled: () => boolean;
  onToken: (id: number) => void;
};

type Pasts = Record<string, Tensor>;

function emptyPasts(g: Graphs): Pasts {
  const { numLayers, numHeads, headDim } = g.options.decoder;
  const pasts: Pasts = {};
  for (let i = 0; i < numLayers; i++) {
    for (const part of ['key', 'value'] as const) {
      pasts[pastKey(i, part)] = new g.ort.Tensor('float32', new Float32Array(0), [1, numHeads, 0, headDim]);
    }
  }
  return pasts;
}

function presentsAsPasts(g: Graphs, out: InferenceSession.ReturnType): Pasts {
  const pasts: Pasts = {};
  for (let i = 0; i < g.options.decoder.numLayers; i++) {
    for (const part of ['key', 'value'] as const) pasts[pastKey(i, part)] = out[presentKey(i, part)]!;
  }
  return pasts;
}

/** One decoder step over T new positions after P cached ones. */
function stepFeeds(g: Graphs, image: EncodedImage, embeds: Float32Array, past: number, pasts: Pasts) {
  const { hidden } = g.options.decoder;
  const fresh = embeds.length / hidden;
  const positions = new BigInt64Array(fresh);
  for (let k = 0; k < fresh; k++) positions[k] = BigInt(past + k);
  return {
    inputs_embeds: new g.ort.Tensor('float32', embeds, [1, fresh, hidden]),
    attention_mask: new g.ort.Tensor('int64', new BigInt64Array(past + fresh).fill(1n), [1, past + fresh]),
    position_ids: new g.ort.Tensor('int64', positions, [1, fresh]),
    anomaly_feature: image.anomalyFeature,
    ...pasts,
  };
}

/** [image_embeds] ++ embed(ids): the sequence a step without cache (or the first step) feeds. */
async function fullSequence(g: Graphs, image: EncodedImage, ids: readonly number[]): Promise<Float32Array> {
  const visual = image.imageEmbeds.data as Float32Array;
  const out = new Float32Array(visual.length + ids.length * g.options.decoder.hidden);
  out.set(visual, 0);
  await g.embeddings.into(ids, out, visual.length);
  return out;
}

async function runDecoder(g: Graphs, feeds: Record<string, Tensor>): Promise<InferenceSession.ReturnType> {
  try {
    return await g.decoder.run(feeds);
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      `model pack ${g.label}: decoder run failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function lastRow(g: Graphs, out: InferenceSession.ReturnType): { data: Float32Array; offset: number } {
  const logits = out.logits;
  const { vocabSize } = g.options.decoder;
  const v = logits?.dims[2];
  if (!logits || logits.dims.length !== 3 || v !== vocabSize) {
    throw new AppError(
      'INVALID_INPUT',
      `model pack ${g.label}: decoder logits are [${logits?.dims.join(', ') ?? 'missing'}], expected [1, T, ${vocabSize}] (options.decoder.vocabSize)`,
    );
  }
  return { data: logits.data as Float32Array, offset: (logits.dims[1]! - 1) * vocabSize };
}

/**
 * Generates one answer: the first step feeds visual tokens + prompt with an empty cache, every
 * later step feeds the newest token and the previous step's present.* as past_key_values.*.
 */
export async function generateTokens(
  g: Graphs,
  image: EncodedImage,
  request: LoopRequest,
): Promise<LoopResult> {
  const started = performance.now();
  const { settings, promptIds } = request;
  const visualTokens = image.imageEmbeds.dims[1]!;
  const budget = answerBudget(
    g.label,
    visualTokens,
    promptIds.length,
    settings.maxNewTokens,
    g.options.decoder.maxContext,
  );
  const random = seededRandom(settings.seed);
  const tokens: number[] = [];
  let embeds = await fullSequence(g, image, promptIds);
  let past = 0;
  let pasts = emptyPasts(g);
  let decoderMs = 0;
  let stop: StopReason;
  for (;;) {
    if (request.cancelled())
      throw new AppError('CANCELLED', `generation cancelled after ${tokens.length} token(s)`);
    const feeds = stepFeeds(g, image, embeds, past, pasts);
    const before = performance.now();
    const out = await runDecoder(g, feeds);
    decoderMs += performance.now() - before;
    const row = lastRow(g, out);
    const forced = request.forcedIds?.[tokens.length];
    if (forced === undefined) {
      if (request.avoidIds) blockAvoided(row, tokens, request.avoidIds);
      blockRepeatedNgrams(row, tokens, settings.noRepeatNgramSize);
    }
    const token = forced ?? nextToken(row.data, row.offset, g.options.decoder.vocabSize, settings, random);
    if (settings.eosTokenIds.includes(token)) {
      stop = 'eos';
      break;
    }
    tokens.push(token);
    request.onToken(token);
    if (tokens.length >= budget) {
      stop = tokens.length >= settings.maxNewTokens ? 'max-new-tokens' : 'max-context';
      break;
    }
    if (settings.useCache) {
      past += embeds.length / g.options.decoder.hidden;
      pasts = presentsAsPasts(g, out);
      embeds = new Float32Array(g.options.decoder.hidden);
      await g.embeddings.into([token], embeds, 0);
    } else {
      embeds = await fullSequence(g, image, [...promptIds, ...tokens]);
    }
  }
  return { tokens, stop, promptTokens: promptIds.length, decoderMs, loopMs: performance.now() - started };
}

/**
 * The bare cost of the same decoder steps: replays `tokens` with the cache, feeds prepared in
 * advance, timing nothing but decoder.run. The yardstick generation's overhead is measured by.
 */
export async function replayDecoder(
  g: Graphs,
  image: EncodedImage,
  promptIds: number[],
  tokens: number[],
): Promise<{ steps: number; decoderMs: number }> {
  const { hidden } = g.options.decoder;
  const inputs = [await fullSequence(g, image, promptIds)];
  for (const token of tokens.slice(0, -1)) {
    const one = new Float32Array(hidden);
    await g.embeddings.into([token], one, 0);
    inputs.push(one);
  }
  let past = 0;
  let pasts = emptyPasts(g);
  let decoderMs = 0;
  for (const embeds of inputs) {
    const feeds = stepFeeds(g, image, embeds, past, pasts);
    const before = performance.now();
    const out = await g.decoder.run(feeds);
    decoderMs += performance.now() - before;
    past += embeds.length / hidden;
    pasts = presentsAsPasts(g, out);
  }
  return { steps: inputs.length, decoderMs };
}
