import { createPredictor, SessionPool, type ModelPack } from '../../../electron/core/inference';
import type { ProviderName } from '../../../electron/core/inference/session/providers';
import { runLikeJob } from './inference-pipeline';
import { openRawSession } from './inference-raw';
import { scratchDir } from './scratch';
import { mean } from './stats';

/** How many images, in chunks of how many, how many times over. */
export type PassPlan = { images: number; chunk: number; rounds: number };
export type RunSetting = { threads: number | undefined; provider: ProviderName };

/** One raw pass and one pipeline pass over the same chunk of images, back to back. */
export type Pair = { rawMs: number; pipelineMs: number; rawCpuMs: number; pipelineCpuMs: number };
export type Stages = {
  preprocessMs: number;
  runMs: number;
  postprocessMs: number;
  images: number;
  ng: number;
  regions: number;
};
export type PipelineVsRaw = { pairs: Pair[]; stages: Stages; provider: ProviderName };

/**
 * Load from other processes comes and goes within seconds on a shared machine, so raw and
 * pipeline passes alternate chunk by chunk and each chunk gives one ratio; the median of those
 * ratios is the result. `provider` is what the predictor ended on (it falls back to CPU).
 */
export async function pipelineVsRaw(
  label: string,
  pack: ModelPack,
  images: string[],
  setting: RunSetting,
  plan: PassPlan,
  log: (m: string) => void,
): Promise<PipelineVsRaw> {
  const raw = await openRawSession(pack, images, setting.threads, 1, setting.provider);
  const pool = new SessionPool();
  try {
    const options = { providers: [setting.provider], intraOpNumThreads: setting.threads, pool };
    const predictor = await createPredictor(pack, { ...options, heatmap: { levels: true } });
    // one untimed pass: sharp's and V8's first-use costs are not what each image pays
    await runLikeJob(predictor, images.slice(0, 8), scratchDir('heatmaps'));
    const pairs: Pair[] = [];
    const stages: Stages = { preprocessMs: 0, runMs: 0, postprocessMs: 0, images: 0, ng: 0, regions: 0 };
    for (let r = 0; r < plan.rounds; r++) {
      for (let from = 0; from < images.length; from += plan.chunk) {
        const to = Math.min(images.length, from + plan.chunk);
        const rawPass = await raw.runRange(from, to);
        const run = await runLikeJob(predictor, images.slice(from, to), scratchDir('heatmaps'));
        pairs.push({
          rawMs: mean(rawPass.runMs),
          pipelineMs: run.steadyMs,
          rawCpuMs: rawPass.cpuMs,
          pipelineCpuMs: run.cpuMs,
        });
        for (const key of ['preprocessMs', 'runMs', 'postprocessMs', 'images', 'ng', 'regions'] as const)
          stages[key] += run[key];
        const last = pairs.at(-1)!;
        log(
          `${label}, images ${from}–${to - 1}: raw ${last.rawMs.toFixed(1)} ms, pipeline ${last.pipelineMs.toFixed(1)} ms per image`,
        );
      }
    }
    return { pairs, stages, provider: predictor.provider };
  } finally {
    await raw.close();
    await pool.close();
  }
}
