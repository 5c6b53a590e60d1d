import type { InferenceSession } from 'onnxruntime-node';
import { isAppError } from '../../contract/result';
import { packError } from '../inference/errors';
import type { ExpectedIo } from '../inference/session/check-io';
import { openWithFallback, valueInfo, type OpenedSession } from '../inference/session/open-session';
import { cudaLibraryPresent, type Ort } from '../inference/session/ort';
import { defaultProviderOrder, providerPlan, type ProviderName } from '../inference/session/providers';
import {
  ANOMALY_MAP_OUTPUTS,
  checkAnomalyMap,
  checkDecoder,
  checkDefectTypes,
  checkEmbedTokens,
  DEFECT_TYPE_OUTPUTS,
  REGION_TYPE_OUTPUTS,
  checkVisionEncoder,
  pastKey,
  presentKey,
  VISION_OUTPUTS,
  type GraphInfo,
} from './graph-check';
import type { MauGptPack } from './load-mau-gpt';
import type { MauGptOptions } from './options';

type Checker = (g: GraphInfo, o: MauGptOptions) => string[];

/** What each graph must take and give; numeric shapes double as warm-up feeds (empty past: P = 0). */
function expectations(
  o: MauGptOptions,
): Record<'vision' | 'anomalyMap' | 'defectTypes' | 'embed' | 'decoder', ExpectedIo> {
  const { numLayers, numHeads, headDim, hidden } = o.decoder;
  const S = o.vision.imageSize;
  const layers = Array.from({ length: numLayers }, (_, i) => i);
  const parts = ['key', 'value'] as const;
  const out = (names: string[]) => names.map((name) => ({ name, role: name }));
  const pixels = [{ name: 'pixel_values', dtype: 'float32' as const, shape: [1, 3, S, S] }];
  return {
    vision: { inputs: pixels, outputs: out(VISION_OUTPUTS) },
    anomalyMap: { inputs: pixels, outputs: out(ANOMALY_MAP_OUTPUTS) },
    defectTypes: {
      inputs: pixels,
      outputs: out([...DEFECT_TYPE_OUTPUTS, ...(o.defectTypes?.regions ? REGION_TYPE_OUTPUTS : [])]),
    },
    embed: {
      inputs: [{ name: 'input_ids', dtype: 'int64', shape: [1, 1] }],
      outputs: out(['inputs_embeds']),
    },
    decoder: {
      inputs: [
        { name: 'inputs_embeds', dtype: 'float32', shape: [1, 1, hidden] },
        { name: 'attention_mask', dtype: 'int64', shape: [1, 1] },
        { name: 'position_ids', dtype: 'int64', shape: [1, 1] },
        { name: 'anomaly_feature', dtype: 'float32', shape: [1, o.vision.anomalyFeatureSize] },
        ...layers.flatMap((i) =>
          parts.map((p) => ({
            name: pastKey(i, p),
            dtype: 'float32' as const,
            shape: [1, numHeads, 0, headDim],
          })),
        ),
      ],
      outputs: out(['logits', ...layers.flatMap((i) => parts.map((p) => presentKey(i, p)))]),
    },
  };
}

async function describe(ort: Ort, path: string, file: string): Promise<GraphInfo> {
  const session = await ort.InferenceSession.create(path, { executionProviders: ['cpu'] });
  try {
    return { file, inputs: valueInfo(session.inputMetadata), outputs: valueInfo(session.outputMetadata) };
  } finally {
    await session.release();
  }
}

type OpenOne = { path: string; file: string; expected: ExpectedIo; check: Checker; plan: ProviderName[] };

/**
 * Opens one graph with provider fall-back and warm-up. When the graph disagrees with the options,
 * the generic message is replaced by ours, which names the option to fix.
 */
async function openGraph(ort: Ort, pack: MauGptPack, one: OpenOne, threads?: number): Promise<OpenedSession> {
  const available = ort.listSupportedBackends().map((b) => b.name);
  let opened: OpenedSession;
  try {
    opened = await openWithFallback(ort, {
      label: pack.dir,
      modelPath: one.path,
      plan: one.plan,
      available,
      intraOpNumThreads: threads,
      expected: one.expected,
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
    const problems = one.check(await describe(ort, one.path, one.file), pack.options);
    if (problems.length === 0) throw error;
    throw packError(pack.dir, problems.join('; '), 'INVALID_INPUT', problems);
  }
  const problems = one.check(
    { file: one.file, inputs: opened.inputs, outputs: opened.outputs },
    pack.options,
  );
  if (problems.length > 0) {
    await opened.session.release();
    throw packError(pack.dir, problems.join('; '), 'INVALID_INPUT', problems);
  }
  return opened;
}

export type OpenedGraphs = {
  vision: InferenceSession;
  /** The pack's `anomaly-map` graph, where it has one: what tiles run on. */
  anomalyMap?: InferenceSession;
  /** By category of part, its own `category-anomaly-map` graph: what its tiles run on. */
  categoryMaps?: Record<string, InferenceSession>;
  /** The pack's `defect-types` graph, where it has one: run on the resized view. */
  defectTypes?: InferenceSession;
  embed: InferenceSession;
  decoder: OpenedSession;
  warmupMs: number;
};

/** The decoder picks the provider (it does nearly all the work); the other graphs follow it. */
export async function openGraphs(
  ort: Ort,
  pack: MauGptPack,
  providers: ProviderName[] | undefined,
  threads: number | undefined,
): Promise<OpenedGraphs> {
  const expected = expectations(pack.options);
  const g = pack.graphs;
  const plan = providerPlan(
    providers,
    defaultProviderOrder(process.platform, ort.listSupportedBackends(), cudaLibraryPresent()),
  );
  const decoder = await openGraph(
    ort,
    pack,
    {
      path: g.decoder.absolutePath,
      file: g.decoder.path,
      expected: expected.decoder,
      check: checkDecoder,
      plan,
    },
    threads,
  );
  const follow = providerPlan([decoder.provider], ['cpu']);
  const opened: OpenedSession[] = [decoder];
  const openFollower = async (
    file: { path: string; absolutePath: string },
    expect: ExpectedIo,
    check: Checker,
  ) => {
    const one = { path: file.absolutePath, file: file.path, expected: expect, check, plan: follow };
    const session = await openGraph(ort, pack, one, threads);
    opened.push(session);
    return session;
  };
  try {
    const vision = await openFollower(g.vision, expected.vision, checkVisionEncoder);
    const anomalyMap =
      g.anomalyMap && (await openFollower(g.anomalyMap, expected.anomalyMap, checkAnomalyMap));
    const categoryMaps: Record<string, InferenceSession> = {};
    for (const [category, file] of Object.entries(g.categoryMaps ?? {}))
      categoryMaps[category] = (await openFollower(file, expected.anomalyMap, checkAnomalyMap)).session;
    const defectTypes =
      g.defectTypes && (await openFollower(g.defectTypes, expected.defectTypes, checkDefectTypes));
    const embed = await openFollower(g.embed, expected.embed, checkEmbedTokens);
    return {
      vision: vision.session,
      ...(anomalyMap ? { anomalyMap: anomalyMap.session } : {}),
      ...(g.categoryMaps ? { categoryMaps } : {}),
      ...(defectTypes ? { defectTypes: defectTypes.session } : {}),
      embed: embed.session,
      decoder,
      warmupMs: opened.reduce((sum, o) => sum + o.warmupMs, 0),
    };
  } catch (error) {
    await Promise.all(opened.map((o) => o.session.release()));
    throw error;
  }
}
