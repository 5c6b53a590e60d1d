import { join } from 'node:path';
import { answerAllLevels, loadMauGptPack, MauGptRuntime, type MauGptPack } from '../../electron/core/mau-gpt';
import { repoRoot, sharedData } from '../helpers/paths';
import { percentile } from './lib/stats';
import type { Bench } from './lib/types';

const DEFAULT_PACK = join(repoRoot, 'models/mau-gpt-mini');
/** One image per dataset and size class: BSData 1130×460 frames, DeepPCB 640×640 boards, NEU-DET 200×200 steel. */
const IMAGES = [
  'bsdata/data/01_200905201421_395000_270_crop_2.jpg',
  'deeppcb/PCBData/group00041/00041/00041001_test.jpg',
  'neu-det/IMAGES/crazing_1.jpg',
].map((file) => join(sharedData, file));

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Median vision path per image (decode, view, tiles) over `rounds` encodes of each image. */
async function visionMedian(runtime: MauGptRuntime, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const image of IMAGES) {
      const encoded = await runtime.encodeImage(image);
      await runtime.forget(encoded.imageKey);
      times.push(encoded.preprocessMs + encoded.runMs);
    }
  return percentile(times, 50);
}

/**
 * The vision path with tiles on the pack's anomaly-map graph against the same pack with every tile
 * on the whole encoder, in alternating rounds; null for a pack without that graph.
 */
async function mapGraphShare(pack: MauGptPack, rounds: number) {
  if (!pack.graphs.anomalyMap) return null;
  const { anomalyMap: _, ...encoderOnly } = pack.graphs;
  const open = (p: MauGptPack) => MauGptRuntime.open(p, { providers: ['cpu'], intraOpNumThreads: 2 });
  const [withGraph, without] = [await open(pack), await open({ ...pack, graphs: encoderOnly })];
  try {
    await visionMedian(withGraph, 1);
    await visionMedian(without, 1);
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < rounds; r++) {
      a.push(await visionMedian(withGraph, 1));
      b.push(await visionMedian(without, 1));
    }
    return { withGraph: percentile(a, 50), without: percentile(b, 50) };
  } finally {
    await Promise.all([withGraph.close(), without.close()]);
  }
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
    'alternating rounds over the three images.',
  async run({ quick, log }) {
    const pack = await loadMauGptPack(process.env.MAU_GPT_PACK ?? DEFAULT_PACK);
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
      await answerAllLevels(runtime, IMAGES[0]!); // warm-up: first-run allocations
      for (const image of IMAGES) {
        const times: number[] = [];
        for (let r = 0; r < rounds; r++) {
          const started = performance.now();
          const { timings, image: size } = await answerAllLevels(runtime, image);
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
    const share = await mapGraphShare(pack, quick ? 2 : 5);
    const o = pack.options.decoder;
    return {
      measures: [
        {
          name: `open the pack (${pack.graphs.anomalyMap ? 4 : 3} sessions + tokenizer)`,
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
        ...(share
          ? [
              {
                name: 'vision path, tiles on anomaly_map.onnx, median',
                value: Math.round(share.withGraph),
                unit: 'ms',
              },
              {
                name: 'vision path, tiles on the whole encoder, median',
                value: Math.round(share.without),
                unit: 'ms',
              },
              {
                name: 'vision path with ÷ without the anomaly-map graph',
                value: Number((share.withGraph / share.without).toFixed(2)),
              },
            ]
          : []),
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
