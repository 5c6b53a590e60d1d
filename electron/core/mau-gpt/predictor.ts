import type { PackOfKind } from '../inference/pack/model-pack';
import { writeHeatmapPng, type HeatmapPngOptions } from '../inference/processing/heatmap';
import type { ProviderName } from '../inference/session/providers';
import type { PredictOutcome } from '../inference/types';
import { answerAllLevels } from './answer-levels';
import type { GenerationSettings } from './generation-config';
import { completeMauGptPack } from './load-mau-gpt';
import type { Level } from './options';
import { MauGptRuntime, type RuntimeOptions } from './runtime';

export type MauGptPredictorOptions = RuntimeOptions & {
  heatmap?: HeatmapPngOptions;
  settings?: Partial<GenerationSettings>;
  /** Stops the answer being generated within one decoder step. */
  signal?: AbortSignal;
  /** Each generated piece of text, with the image and level it belongs to. */
  onToken?: (imagePath: string, level: Level, delta: string) => void;
  /** What each image shows, for the pack's `{object}` questions; "part" when unknown. */
  objectOf?: (imagePath: string) => string | undefined;
  /** Each image's category, for the pack's per-category thresholds. */
  categoryOf?: (imagePath: string) => string | undefined;
};

export type MauGptPredictor = {
  readonly provider: ProviderName;
  readonly fallbacks: MauGptRuntime['fallbacks'];
  predict(imagePath: string, options?: { heatmapPath?: string }): Promise<PredictOutcome>;
  release(): Promise<void>;
};

/**
 * MAU-GPT as the inference job sees any predictor: one image in, one prediction out, with the
 * five level answers as its texts. Images are answered one at a time: the worker holds one
 * decoder, and two interleaved answers would only slow both down.
 */
export async function createMauGptPredictor(
  pack: PackOfKind<'mau-gpt'>,
  options: MauGptPredictorOptions = {},
): Promise<MauGptPredictor> {
  const runtime = await MauGptRuntime.open(await completeMauGptPack(pack), {
    providers: options.providers,
    intraOpNumThreads: options.intraOpNumThreads,
  });
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (imagePath: string, heatmapPath: string | undefined): Promise<PredictOutcome> => {
    const started = performance.now();
    const answers = await answerAllLevels(runtime, imagePath, {
      settings: options.settings,
      signal: options.signal,
      onToken: options.onToken && ((level, delta) => options.onToken!(imagePath, level, delta)),
      object: options.objectOf?.(imagePath),
      category: options.categoryOf?.(imagePath),
    });
    const { result, timings } = answers;
    const post = performance.now();
    if (heatmapPath && result.anomalyMap)
      await writeHeatmapPng(result.anomalyMap, heatmapPath, options.heatmap);
    const done = performance.now();
    return {
      result,
      image: { path: imagePath, ...answers.image },
      ...(heatmapPath && result.anomalyMap ? { heatmapPath } : {}),
      provider: runtime.provider,
      timings: {
        preprocessMs: timings.preprocessMs,
        runMs: timings.encodeMs + timings.generateMs,
        postprocessMs: done - post,
        totalMs: done - started,
      },
    };
  };
  return {
    provider: runtime.provider,
    fallbacks: runtime.fallbacks,
    predict(imagePath, predictOptions = {}) {
      const turn = queue.then(() => answer(imagePath, predictOptions.heatmapPath));
      queue = turn.catch(() => undefined);
      return turn;
    },
    release: () => runtime.close(),
  };
}
