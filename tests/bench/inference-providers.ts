import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import { SessionPool, type ModelPack } from '../../electron/core/inference';
import { cudaLibraryPresent } from '../../electron/core/inference/session/ort';
import {
  defaultProviderOrder,
  isProviderName,
  type ProviderName,
} from '../../electron/core/inference/session/providers';
import { backgroundThreads } from '../../electron/core/jobs/inference-predictor';
import { realImages } from './lib/inference-images';
import { pipelineVsRaw, type PassPlan } from './lib/inference-measure';
import { VISION_ENCODER, visionEncoderPack } from './lib/inference-pack';
import { openRawSession } from './lib/inference-raw';
import { mauGptOnProvider } from './lib/mau-gpt-on-provider';
import { removeScratch } from './lib/scratch';
import { median } from './lib/stats';
import type { Bench, Measure } from './lib/types';

type Plan = PassPlan & { batches: number[]; batchesTimed: number; parityImages: number };
const FULL: Plan = {
  images: 60,
  chunk: 20,
  rounds: 1,
  batches: [1, 8, 32],
  batchesTimed: 4,
  parityImages: 8,
};
// small enough for a software Vulkan device, where one encoder run takes seconds
const QUICK: Plan = { images: 10, chunk: 5, rounds: 1, batches: [1, 4], batchesTimed: 2, parityImages: 2 };
const TARGET = 1.1;

/** MAU_BENCH_PROVIDERS=cuda,webgpu names them; else every accelerated provider the engine would try here. */
function providersToMeasure(): ProviderName[] {
  const asked = process.env.MAU_BENCH_PROVIDERS;
  const order = asked
    ? asked.split(',').map((name) => name.trim())
    : defaultProviderOrder(process.platform, ort.listSupportedBackends(), cudaLibraryPresent());
  return order.filter(isProviderName).filter((p) => p !== 'cpu');
}

/** Opens the pack as the engine would with only `provider` asked for: where it ends, and why. */
async function openAs(pack: ModelPack, provider: ProviderName, threads: number) {
  const pool = new SessionPool();
  try {
    const session = await pool.acquire(pack, { providers: [provider], intraOpNumThreads: threads });
    const reason = session.info.fallbacks.find((f) => f.provider === provider)?.reason;
    return { opened: session.provider === provider, warmupMs: session.info.warmupMs, reason };
  } finally {
    await pool.close();
  }
}

/** The same prepared tensors through `provider` and through CPU: largest difference per output, and run times. */
async function againstCpu(pack: ModelPack, images: string[], threads: number, provider: ProviderName) {
  const accelerated = await openRawSession(pack, images, threads, 1, provider);
  const cpu = await openRawSession(pack, images, threads, 1, 'cpu');
  try {
    const maxAbs: Record<string, number> = {};
    for (let i = 0; i < accelerated.count; i++) {
      const [a, c] = [await accelerated.outputsOf(i), await cpu.outputsOf(i)];
      for (const [name, tensor] of Object.entries(a)) {
        const x = tensor.data as Float32Array;
        const y = c[name]!.data as Float32Array;
        let worst = maxAbs[name] ?? 0;
        for (let k = 0; k < x.length; k++) worst = Math.max(worst, Math.abs(x[k]! - y[k]!));
        maxAbs[name] = worst;
      }
    }
    // alternate so that load from elsewhere falls on both alike
    const runs = { accelerated: [] as number[], cpu: [] as number[] };
    for (let round = 0; round < 2; round++) {
      runs.accelerated.push(...(await accelerated.runRange(0, accelerated.count)).runMs);
      runs.cpu.push(...(await cpu.runRange(0, cpu.count)).runMs);
    }
    return { maxAbs, acceleratedMs: median(runs.accelerated), cpuMs: median(runs.cpu) };
  } finally {
    await accelerated.close();
    await cpu.close();
  }
}

/** Raw images per second at each batch size (the same images repeated to fill the batches). */
async function throughput(
  pack: ModelPack,
  images: string[],
  threads: number,
  provider: ProviderName,
  plan: Plan,
): Promise<number[]> {
  const perSecond: number[] = [];
  for (const batch of plan.batches) {
    const list = Array.from({ length: batch * plan.batchesTimed }, (_, i) => images[i % images.length]!);
    const raw = await openRawSession(pack, list, threads, batch, provider);
    try {
      perSecond.push((batch * 1000) / median((await raw.runRange(0, raw.count)).runMs));
    } finally {
      await raw.close();
    }
  }
  return perSecond;
}

const rates = (values: number[], plan: Plan) =>
  `${values.map((v) => v.toFixed(v < 100 ? 1 : 0)).join(' / ')} images/s at batch ${plan.batches.join(' / ')}`;

async function measureProvider(
  pack: ModelPack,
  images: string[],
  provider: ProviderName,
  plan: Plan,
  log: (m: string) => void,
): Promise<Measure[]> {
  const threads = backgroundThreads();
  const open = await openAs(pack, provider, threads);
  if (!open.opened) {
    log(`${provider}: fell back to CPU: ${open.reason}`);
    return [{ name: `${provider}: session`, value: `not available here, fell back to CPU: ${open.reason}` }];
  }
  log(`${provider}: opened, warm-up ${open.warmupMs.toFixed(0)} ms`);
  const parity = await againstCpu(pack, images.slice(0, plan.parityImages), threads, provider);
  const differences = Object.entries(parity.maxAbs).map(([name, v]) => `${name} ${v.toExponential(1)}`);
  log(
    `${provider}: vs cpu ${differences.join(', ')}; ${parity.acceleratedMs.toFixed(2)} vs ${parity.cpuMs.toFixed(2)} ms`,
  );
  const accelerated = await throughput(pack, images, threads, provider, plan);
  const cpu = await throughput(pack, images, threads, 'cpu', plan);
  log(`${provider}: ${rates(accelerated, plan)}; cpu ${rates(cpu, plan)}`);
  const run = await pipelineVsRaw(`${provider}`, pack, images, { threads, provider }, plan, log);
  const mauGpt = await mauGptOnProvider(provider, threads, log);
  const ratio = median(run.pairs.map((p) => p.pipelineMs / p.rawMs));
  return [
    { name: `${provider}: session opened, warm-up run`, value: open.warmupMs, unit: 'ms' },
    {
      name: `${provider} vs cpu, same tensors (${plan.parityImages} images): max abs difference`,
      value: differences.join(', '),
    },
    { name: `${provider}: raw session.run, batch 1, median`, value: parity.acceleratedMs, unit: 'ms' },
    { name: `cpu (${threads} threads): raw session.run, batch 1, median`, value: parity.cpuMs, unit: 'ms' },
    { name: `${provider}: raw throughput`, value: rates(accelerated, plan) },
    { name: `cpu (${threads} threads): raw throughput`, value: rates(cpu, plan) },
    {
      name: `${provider}: pipeline per image, median of chunks`,
      value: median(run.pairs.map((p) => p.pipelineMs)),
      unit: 'ms',
    },
    {
      name: `${provider}: pipeline ÷ raw (median of ${run.pairs.length} chunk ratios)`,
      value: Number(ratio.toFixed(3)),
      target: `≤ ${TARGET}`,
      pass: ratio <= TARGET,
    },
    {
      name: `${provider}: stages per image: decode+resize / run in worker / post-process`,
      value: (['preprocessMs', 'runMs', 'postprocessMs'] as const)
        .map((key) => (run.stages[key] / run.stages.images).toFixed(1))
        .join(' / ')
        .concat(' ms'),
    },
    ...mauGpt,
  ];
}

const bench: Bench = {
  name: 'inference-providers',
  title: 'inference on each accelerated execution provider vs CPU',
  order: 52,
  method:
    'For every execution provider other than CPU that the engine would try on this machine (or those named in MAU_BENCH_PROVIDERS, e.g. ' +
    '"cuda,webgpu"), opens the shipped MAU-GPT-mini vision encoder as an anomalib-shaped pack (as inference-overhead does) with only that ' +
    'provider asked for. A provider that cannot start is reported with the reason the engine recorded when it fell back to CPU. One that ' +
    `starts is compared with CPU on the same preprocessed tensors of ${FULL.parityImages} real images (largest absolute difference per output), ` +
    `timed raw (session.run on the calling thread, batch 1, and images/s at batch ${FULL.batches.join(', ')}) against CPU with the job's threads, and run ` +
    'through the whole pipeline the way a job does (decode and resize with sharp, run, regions and heat map), pipeline ÷ raw per chunk as in inference-overhead. ' +
    'Then the whole MAU-GPT-mini pack is opened on that provider (the decoder picks it, the other graphs follow) and on CPU, and answers the ' +
    'five levels for mau-gpt-five-answers’ three images in alternating rounds: the greedy answers are compared text for text, and timed.',
  async run({ quick, log }) {
    const plan = quick ? QUICK : FULL;
    try {
      const providers = providersToMeasure();
      const images = realImages(plan.images);
      const pack = await visionEncoderPack(VISION_ENCODER);
      const measures: Measure[] = [
        {
          name: 'providers this onnxruntime-node lists',
          value: ort
            .listSupportedBackends()
            .map((b) => b.name)
            .join(', '),
        },
        { name: 'providers measured', value: providers.join(', ') || 'none (CPU only here)' },
      ];
      for (const provider of providers)
        measures.push(...(await measureProvider(pack, images, provider, plan, log)));
      return {
        measures,
        notes: [
          'Runs on a machine with a GPU are kept in docs/PERFORMANCE-GPU.md (this bench, bundled by build/bundle-bench.mjs).',
          `${availableParallelism()} logical CPUs; the CPU comparison uses the job default of ${backgroundThreads()} threads.`,
          'On a GPU the model takes a few milliseconds, so the pipeline per image is set by the CPU work around it (JPEG decode, resize, ' +
            'regions, heat map PNG): the pipeline ÷ raw ratio then says how much of a GPU’s speed a job can use, not the engine’s overhead on a slow model.',
        ],
      };
    } finally {
      removeScratch();
    }
  },
};

export default bench;
