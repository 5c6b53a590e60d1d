import { answerAllLevels, loadMauGptPack, MauGptRuntime, type MauGptPack } from '../../electron/core/mau-gpt';
import { FIVE_ANSWER_IMAGES, FIVE_ANSWER_SAMPLES, SHIPPED_MAU_GPT } from './lib/mau-gpt-images';
import { percentile } from './lib/stats';
import type { Bench } from './lib/types';

const IMAGES = FIVE_ANSWER_IMAGES;
const SAMPLES = FIVE_ANSWER_SAMPLES;
const answer = (runtime: MauGptRuntime, i: number) => answerAllLevels(runtime, IMAGES[i]!, SAMPLES[i]);

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The graphs a runtime opens for the pack: encoder, embeddings, decoder and the optional ones. */
const sessionCount = (pack: MauGptPack) =>
  3 +
  Number(!!pack.graphs.anomalyMap) +
  Object.keys(pack.graphs.categoryMaps ?? {}).length +
  Number(!!pack.graphs.defectTypes);

/** Median vision path per image (decode, view, tiles) over `rounds` encodes of each image. */
async function visionMedian(runtime: MauGptRuntime, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const [i, image] of IMAGES.entries()) {
      // with its category, as a job encodes it: a category with its own map trunk maps on that
      const encoded = await runtime.encodeImage(image, undefined, SAMPLES[i]?.category);
      await runtime.forget(encoded.imageKey);
      times.push(encoded.preprocessMs + encoded.runMs);
    }
  return percentile(times, 50);
}

/**
 * Mean time to all five answers per image over one round of the three images: the images differ
 * (one type or several, NG or OK), so a median of three would be one image's time.
 */
async function answersMean(runtime: MauGptRuntime): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < IMAGES.length; i++) await answer(runtime, i);
  return (performance.now() - started) / IMAGES.length;
}

/**
 * `measure` on the pack against the same pack without one of its optional graphs, in alternating
 * rounds (one warm-up each); null for a pack without that graph. Without the anomaly-map graph
 * every tile runs the whole encoder; without the defect-type head the decoder answers L2.
 */
async function graphShare(
  pack: MauGptPack,
  graph: 'anomalyMap' | 'defectTypes',
  rounds: number,
  measure: (runtime: MauGptRuntime, rounds: number) => Promise<number>,
) {
  if (!pack.graphs[graph]) return null;
  const { [graph]: _, ...rest } = pack.graphs;
  // without the map graphs every tile runs the whole encoder: a category's own graph goes too
  const { categoryMaps: __, ...withoutMaps } = rest;
  const graphs = graph === 'anomalyMap' ? withoutMaps : rest;
  const open = (p: MauGptPack) => MauGptRuntime.open(p, { providers: ['cpu'], intraOpNumThreads: 2 });
  const [withGraph, without] = [await open(pack), await open({ ...pack, graphs })];
  try {
    await measure(withGraph, 1);
    await measure(without, 1);
    const a: number[] = [];
    const b: number[] = [];
    // ABBA order: whichever runs second in a round (warmer caches, or a neighbour's burst) alternates
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 0) a.push(await measure(withGraph, 1));
      b.push(await measure(without, 1));
      if (r % 2 === 1) a.push(await measure(withGraph, 1));
    }
    return { withGraph: percentile(a, 50), without: percentile(b, 50) };
  } finally {
    await Promise.all([withGraph.close(), without.close()]);
  }
}

/** The rows of one graphShare (its two medians and their ratio, named by `names`), or none. */
function shareRows(share: { withGraph: number; without: number } | null, names: [string, string, string]) {
  if (!share) return [];
  return [
    { name: names[0], value: Math.round(share.withGraph), unit: 'ms' },
    { name: names[1], value: Math.round(share.without), unit: 'ms' },
    { name: names[2], value: Number((share.withGraph / share.without).toFixed(2)) },
  ];
}

/** Samples the process's resident set every 5 ms; the workers' memory is part of it. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

const bench: Bench = {
  name: 'mau-gpt-five-answers',
  title: 'MAU-GPT vision latency, time to all five answers, memory',
  order: 51,
  method:
    'Opens the shipped MAU-GPT pack (MAU_GPT_PACK, default models/mau-gpt-mini) on CPU with 2 intra-op threads, ' +
    'then for one real image of each dataset (BSData 1130×460, DeepPCB 640×640, NEU-DET 200×200) runs what a job ' +
    'runs per image: the vision path (full-resolution tiles for the map on the pack’s anomaly_map.onnx where it ' +
    'has one, else on the vision encoder; the resized global view through the vision encoder for the decoder) and ' +
    'the five level questions with the pack’s generation config (greedy, its stop token and length limit). Time to ' +
    'five answers is from the request to the fifth answer’s last token. Memory is the process resident set ' +
    '(workers included): before opening, after opening, and the peak while answering. Then, for a pack with an ' +
    'anomaly-map graph, the vision path alone of the same pack opened twice, with and without that graph, in ' +
    'alternating rounds over the three images; for a pack with a defect-type head, the time to five answers with ' +
    'and without the head (the decoder then answers L2), likewise; with the head, an image where it lists several ' +
    'types also has its regions typed by the region-type head (a crop per region, up to 32 per run). Each image is ' +
    'asked about as a job asks: with its category and noun.',
  async run({ quick, log }) {
    const pack = await loadMauGptPack(process.env.MAU_GPT_PACK ?? SHIPPED_MAU_GPT);
    const before = process.memoryUsage().rss;
    const opened = performance.now();
    const runtime = await MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: 2 });
    const openMs = performance.now() - opened;
    const afterOpen = process.memoryUsage().rss;
    const sampler = rssSampler();
    const rounds = quick ? 1 : 3;
    const vision: number[] = [];
    const total: number[] = [];
    const perImage: string[] = [];
    let tokens = 0;
    try {
      await answer(runtime, 0); // warm-up: first-run allocations
      for (const [i, image] of IMAGES.entries()) {
        const times: number[] = [];
        for (let r = 0; r < rounds; r++) {
          const started = performance.now();
          const { timings, image: size } = await answer(runtime, i);
          const ms = performance.now() - started;
          times.push(ms);
          total.push(ms);
          vision.push(timings.preprocessMs + timings.encodeMs);
          tokens += timings.tokens;
          if (r === 0)
            perImage.push(
              `${size.width}×${size.height}: encode ${(timings.preprocessMs + timings.encodeMs).toFixed(0)} ms`,
            );
        }
        log(`${image}: ${times.map((t) => t.toFixed(0)).join(', ')} ms to five answers`);
        perImage[perImage.length - 1] += `, five answers median ${percentile(times, 50).toFixed(0)} ms`;
      }
    } finally {
      sampler.stop();
      await runtime.close();
    }
    const mapShare = await graphShare(pack, 'anomalyMap', quick ? 2 : 5, visionMedian);
    const headShare = await graphShare(pack, 'defectTypes', quick ? 2 : 6, answersMean);
    const o = pack.options.decoder;
    return {
      measures: [
        {
          name: `open the pack (${sessionCount(pack)} sessions + tokenizer)`,
          value: Math.round(openMs),
          unit: 'ms',
        },
        { name: 'vision path per image, median', value: Math.round(percentile(vision, 50)), unit: 'ms' },
        { name: 'vision path per image, max', value: Math.round(Math.max(...vision)), unit: 'ms' },
        { name: 'time to all five answers, median', value: Math.round(percentile(total, 50)), unit: 'ms' },
        { name: 'time to all five answers, max', value: Math.round(Math.max(...total)), unit: 'ms' },
        { name: 'tokens per image (five answers)', value: Math.round(tokens / total.length) },
        { name: 'resident memory before opening', value: mib(before), unit: 'MiB' },
        { name: 'resident memory after opening', value: mib(afterOpen), unit: 'MiB' },
        { name: 'resident memory peak while answering', value: mib(sampler.peak()), unit: 'MiB' },
        ...shareRows(mapShare, [
          'vision path, tiles on anomaly_map.onnx, median',
          'vision path, tiles on the whole encoder, median',
          'vision path with ÷ without the anomaly-map graph',
        ]),
        ...shareRows(headShare, [
          'time to five answers with the defect-type head, median of round means',
          'time to five answers, L2 by the decoder (no head), median of round means',
          'time to five answers with ÷ without the defect-type head',
        ]),
      ],
      notes: [
        `${pack.manifest.name} ${pack.manifest.version}: ${o.numLayers} layers, hidden ${o.hidden}, vocabulary ${o.vocabSize}; provider ${runtime.provider}.`,
        ...perImage,
        `${rounds} rounds per image after one warm-up answer; no target is set by the issue for these, they are reported.`,
      ],
    };
  },
};

export default bench;
