import { parentPort } from 'node:worker_threads';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { isAppError } from '../../contract/result';
import { messageOf, packError } from '../inference/errors';
import { valueInfo } from '../inference/session/open-session';
import { loadOrt, type Ort } from '../inference/session/ort';
import type { TensorData, TensorType } from '../inference/session/tensor-data';
import { transferablesOf } from '../inference/session/tensor-data';
import { generateTokens, replayDecoder, type EncodedImage, type Graphs } from './decoder-loop';
import { Embeddings } from './embedding-table';
import { openGraphs, type OpenedGraphs } from './open-graphs';
import { promptFor, type MauGptOptions } from './options';
import { DeltaBatcher } from './delta-batcher';
import { TextStream } from './text-stream';
import { MAX_TILE_BATCH, runTiledMap, type TileBlend } from './tiled-map';
import { tokenizerFrom, type LoadedTokenizer } from './tokenizer';
import type {
  EncodeReply,
  GenerateReply,
  GenRequest,
  GenResponse,
  OpenGenReply,
  RegionTypesReply,
  ReplayReply,
} from './worker-protocol';
import { runTypeHead } from './type-logits';

// The generation worker: holds a MAU-GPT pack's three sessions and runs whole answers here, so
// the token loop never crosses a thread; only text deltas are posted out.

type State = { ort: Ort; graphs: Graphs; opened: OpenedGraphs; tokenizer: LoadedTokenizer };

/** Encoded images waiting for their questions; a caller that never forgets one cannot grow this. */
const MAX_IMAGES = 8;

let state: State | undefined;
const images = new Map<number, EncodedImage>();
let nextImageKey = 1;

const port = parentPort;
if (!port) throw new Error('generation-worker must run in a worker thread');

function ready(): State {
  if (!state) throw new Error('no MAU-GPT pack is open in this worker');
  return state;
}

async function open(request: Extract<GenRequest, { op: 'open' }>): Promise<OpenGenReply> {
  if (state) throw new Error('this worker already holds a pack');
  const ort = await loadOrt();
  ort.env.logLevel = 'fatal';
  const { pack } = request;
  const tokenizer = tokenizerFrom(pack.dir, pack.graphs.tokenizer.path, pack.tokenizerJson);
  const opened = await openGraphs(ort, pack, request.providers, request.intraOpNumThreads);
  const { vocabSize, hidden } = pack.options.decoder;
  const embeddings = await Embeddings.create(ort, opened.embed, vocabSize, hidden);
  const graphs: Graphs = {
    ort,
    label: pack.dir,
    options: pack.options,
    decoder: opened.decoder.session,
    embeddings,
  };
  state = { ort, graphs, opened, tokenizer };
  return {
    provider: opened.decoder.provider,
    fallbacks: opened.decoder.fallbacks,
    warmupMs: opened.warmupMs,
  };
}

const asData = (t: Tensor): TensorData => ({
  type: t.type as TensorType,
  dims: [...t.dims],
  data: t.data as TensorData['data'],
});

async function encode(request: Extract<GenRequest, { op: 'encode' }>): Promise<EncodeReply> {
  const { ort, graphs, opened } = ready();
  const { numVisualTokens, anomalyFeatureSize } = graphs.options.vision;
  const pixels = new ort.Tensor('float32', request.pixels.data as Float32Array, request.pixels.dims);
  const started = performance.now();
  const out = await opened.vision.run({ pixel_values: pixels }).catch((error: unknown) => {
    throw packError(graphs.label, `vision encoder run failed: ${messageOf(error)}`, 'INTERNAL');
  });
  const runMs = performance.now() - started;
  const { image_embeds: embeds, anomaly_feature: feature, anomaly_map: map, anomaly_score: score } = out;
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw packError(graphs.label, `vision encoder: ${what}`, 'INVALID_INPUT');
  };
  expect(
    embeds?.dims[1] === numVisualTokens,
    `image_embeds is [${embeds?.dims.join(', ')}], options.vision.numVisualTokens says ${numVisualTokens}`,
  );
  expect(
    feature?.dims[1] === anomalyFeatureSize,
    `anomaly_feature is [${feature?.dims.join(', ')}], options.vision.anomalyFeatureSize says ${anomalyFeatureSize}`,
  );
  const value = Number((score?.data as Float32Array | undefined)?.[0]);
  expect(Number.isFinite(value), `anomaly_score is ${value}, not a finite number`);
  expect(!!map && map.dims.length >= 2, 'anomaly_map is missing or not a map');
  const imageKey = nextImageKey++;
  images.set(imageKey, { imageEmbeds: embeds!, anomalyFeature: feature! });
  while (images.size > MAX_IMAGES) images.delete(images.keys().next().value!);
  const typeLogits = await defectTypeLogits(pixels);
  const typed = typeLogits ? { typeLogits } : {};
  if (!request.tiles) return { imageKey, anomalyMap: asData(map!), anomalyScore: value, ...typed, runMs };
  // a category with a map trunk of its own maps its tiles on it; the others on the shared one
  const own = request.category === undefined ? undefined : opened.categoryMaps?.[request.category];
  const mapGraph = own ?? opened.anomalyMap ?? opened.vision;
  const tiled = await runTiledMap(
    ort,
    mapGraph,
    graphs.label,
    request.tiles.image,
    request.tiles.grid,
    graphs.options.vision,
    tilingOf(graphs.options.vision.tiling),
    tilesPerRun(mapGraph),
  );
  return {
    imageKey,
    anomalyMap: tiled.map,
    anomalyScore: tiled.score,
    ...typed,
    runMs: performance.now() - started,
    tiles: { count: tiled.tiles, runs: tiled.runs },
  };
}

/** The defect-type head on the resized view, where the pack has one; its logits must all be finite. */
async function defectTypeLogits(pixels: Tensor): Promise<number[] | undefined> {
  const { graphs, opened } = ready();
  if (!opened.defectTypes) return undefined;
  const labels = graphs.options.defectTypes?.labels.length ?? 0;
  return (
    await runTypeHead(opened.defectTypes, pixels, 'type_logits', graphs.label, labels, 'defect-type head')
  )[0];
}

/** The region-type head (defect_types.onnx's second output) on region crops: a row of logits per crop. */
async function regionTypes(request: Extract<GenRequest, { op: 'regionTypes' }>): Promise<RegionTypesReply> {
  const { ort, graphs, opened } = ready();
  if (!opened.defectTypes || !graphs.options.defectTypes?.regions)
    throw packError(graphs.label, 'the pack has no region-type head', 'INVALID_INPUT');
  const crops = new ort.Tensor('float32', request.crops.data as Float32Array, request.crops.dims);
  const labels = graphs.options.defectTypes.labels.length;
  const head = opened.defectTypes;
  return {
    logits: await runTypeHead(head, crops, 'region_type_logits', graphs.label, labels, 'region-type head'),
  };
}

/** Tiles are only requested in tiles mode; the 'resize' branch cannot reach runTiledMap. */
function tilingOf(tiling: MauGptOptions['vision']['tiling']): TileBlend {
  return tiling.mode === 'tiles' ? tiling : { overlap: 0, blend: 'mean' };
}

/** Several tiles per run where the map graph's batch axis is symbolic; one at a time where it is fixed. */
function tilesPerRun(graph: InferenceSession): number {
  const pixels = valueInfo(graph.inputMetadata).find((i) => i.name === 'pixel_values');
  return typeof pixels?.shape[0] === 'string' ? MAX_TILE_BATCH : 1;
}

function imageOf(key: number): EncodedImage {
  const image = images.get(key);
  if (!image) throw new Error(`image ${key} is not encoded in this worker (encode it again)`);
  return image;
}

async function generate(request: Extract<GenRequest, { op: 'generate' }>): Promise<GenerateReply> {
  const { graphs, tokenizer } = ready();
  const flag = new Int32Array(request.cancel);
  const promptIds = tokenizer.tokenizer.encode(promptFor(graphs.options, request.question)).ids;
  const stream = new TextStream(tokenizer.tokenizer);
  const deltas = new DeltaBatcher((delta) =>
    port!.postMessage({ id: request.id, delta } satisfies GenResponse),
  );
  try {
    const result = await generateTokens(graphs, imageOf(request.imageKey), {
      promptIds,
      forcedIds: request.answerStart ? tokenizer.tokenizer.encode(request.answerStart).ids : undefined,
      avoidIds: request.avoid?.map((phrase) => tokenizer.tokenizer.encode(phrase).ids),
      settings: request.settings,
      cancelled: () => Atomics.load(flag, 0) !== 0,
      onToken: (token) => deltas.add(stream.push(token)),
    });
    return { ...result, text: stream.text() };
  } finally {
    // what was held back goes out before the reply (or the error) does
    deltas.add(stream.flush());
    deltas.flush();
  }
}

async function replay(request: Extract<GenRequest, { op: 'replay' }>): Promise<ReplayReply> {
  const { graphs, tokenizer } = ready();
  const promptIds = tokenizer.tokenizer.encode(promptFor(graphs.options, request.question)).ids;
  return replayDecoder(graphs, imageOf(request.imageKey), promptIds, request.tokens);
}

async function handle(request: GenRequest): Promise<unknown> {
  switch (request.op) {
    case 'open':
      return open(request);
    case 'encode':
      return encode(request);
    case 'generate':
      return generate(request);
    case 'replay':
      return replay(request);
    case 'regionTypes':
      return regionTypes(request);
    case 'forget':
      return images.delete(request.imageKey);
    case 'close': {
      const s = state;
      state = undefined;
      images.clear();
      if (s)
        await Promise.all([
          s.opened.vision.release(),
          s.opened.anomalyMap?.release(),
          ...Object.values(s.opened.categoryMaps ?? {}).map((session) => session.release()),
          s.opened.defectTypes?.release(),
          s.opened.embed.release(),
          s.opened.decoder.session.release(),
        ]);
      return null;
    }
  }
}

port.on('message', (request: GenRequest) => {
  handle(request).then(
    (value) => {
      const map = request.op === 'encode' ? [(value as EncodeReply).anomalyMap] : [];
      port.postMessage({ id: request.id, ok: true, value } satisfies GenResponse, transferablesOf(map));
    },
    (error: unknown) => {
      const wire = isAppError(error)
        ? { message: error.message, code: error.code, details: error.details }
        : { message: messageOf(error) };
      port.postMessage({ id: request.id, ok: false, error: wire } satisfies GenResponse);
    },
  );
});
