import type { Thresholds } from '../inference/pack/schema';
import type { PredictionResult } from '../inference/types';
import { fillTemplate } from '../mauset-qa/templates';
import { anomalyPrediction } from './anomaly-prediction';
import { listedTypes } from './defect-types';
import { imageScoreOf } from './image-score';
import type { GenerationSettings } from './generation-config';
import { levelGrounding, productKnown, type Picture } from './grounding';
import { categoryEntry, LEVELS, type Level } from './options';
import { looksOfRegions } from './region-looks';
import { regionsAnswer } from './region-places';
import { typeRegionsOf } from './region-typing';
import { typeRegionsByAnswer } from './typed-regions';
import type { MauGptRuntime } from './runtime';

export type AnswerOptions = {
  settings?: Partial<GenerationSettings>;
  signal?: AbortSignal;
  onToken?: (level: Level, delta: string) => void;
  /** What the image shows, for questions that say `{object}` ("ball screw", "PCB"); default "part". */
  object?: string;
  /** The sample's category ("ball_screw"), whose thresholds apply where the pack has its own for it. */
  category?: string;
};

/** The pack's thresholds, with the category's own (options.categoryThresholds) in their place where given. */
export function thresholdsFor(pack: MauGptRuntime['pack'], category: string | undefined): Thresholds {
  const own = categoryEntry(pack.options, category);
  const base = pack.manifest.thresholds;
  return { ...base, image: own?.image ?? base.image, pixel: own?.pixel ?? base.pixel };
}

export type LevelAnswers = {
  result: PredictionResult & { texts: Record<Level, string> };
  image: { width: number; height: number };
  timings: { preprocessMs: number; encodeMs: number; generateMs: number; tokens: number };
};

/**
 * One image through MAU-GPT: the vision encoder once, then the five level questions of the pack
 * (L1 anomaly? … L5 cause/impact) against the same visual tokens.
 */
export async function answerAllLevels(
  runtime: MauGptRuntime,
  source: string | Buffer,
  options: AnswerOptions = {},
  name?: string,
): Promise<LevelAnswers> {
  const label = name ?? (typeof source === 'string' ? source : '(image buffer)');
  const encoded = await runtime.encodeImage(source, label, options.category);
  const picture = anomalyPrediction(
    label,
    encoded.anomalyMap,
    imageScoreOf(runtime.pack, options.category, encoded),
    encoded.geometry,
    thresholdsFor(runtime.pack, options.category),
    categoryEntry(runtime.pack.options, options.category)?.regionPeak,
  );
  const head = runtime.pack.options.defectTypes;
  const types =
    picture.verdict === 'NG' && head && encoded.typeLogits
      ? listedTypes(encoded.typeLogits, head, options.category)
      : [];
  const g = encoded.geometry;
  // typed before any text: a pack that says L3 from its regions names their types there
  const typed = head ? await typeRegionsOf(runtime, source, picture.regions, types, label) : undefined;
  const listed = typed ?? picture.regions;
  const counted: Picture = {
    verdict: picture.verdict,
    regionCount: picture.regions.length,
    types,
    ...(productKnown(runtime.pack.options, options.category) ? {} : { unknownProduct: true }),
    // the pack's groundedLevels decide whether L3 and L4 say them (grounding.ts)
    ...(listed.length > 0 ? { regionsAnswer: regionsAnswer(listed, g.sourceWidth, g.sourceHeight) } : {}),
  };
  // Measuring reads the image's pixels again, only for a pack that says L4 from them, while L1–L3
  // are written; where it fails the decoder answers L4 as it would without.
  const looks =
    picture.verdict === 'NG' && listed.length > 0 && runtime.pack.options.groundedLevels?.['4']?.fromRegions
      ? looksOfRegions(source, listed, g.sourceWidth, g.sourceHeight).catch(() => undefined)
      : undefined;
  const texts = {} as Record<Level, string>;
  const started = performance.now();
  let tokens = 0;
  try {
    const { questions } = runtime.pack.options;
    const fill = (text: string) => fillTemplate(text, options.object ?? 'part');
    for (const level of LEVELS) {
      const looksAnswer = level === '4' ? await looks : undefined;
      if (looksAnswer) counted.looksAnswer = looksAnswer;
      const { complete, ...grounding } = levelGrounding(runtime.pack.options, level, counted, fill);
      if (complete && grounding.answerStart) {
        texts[level] = grounding.answerStart;
        options.onToken?.(level, grounding.answerStart);
        continue;
      }
      const answer = await runtime.generate(encoded.imageKey, fill(questions[level]), {
        ...grounding,
        level,
        settings: options.settings,
        signal: options.signal,
        onDelta: options.onToken && ((delta) => options.onToken!(level, delta)),
      });
      texts[level] = answer.text.trim();
      tokens += answer.tokens.length;
    }
  } finally {
    await runtime.forget(encoded.imageKey).catch(() => undefined);
  }
  return {
    result: {
      ...picture,
      regions: typed ?? typeRegionsByAnswer(picture.regions, texts['2'], runtime.pack.manifest.labels),
      texts,
    },
    image: { width: g.sourceWidth, height: g.sourceHeight },
    timings: {
      preprocessMs: encoded.preprocessMs,
      encodeMs: encoded.runMs,
      generateMs: performance.now() - started,
      tokens,
    },
  };
}
