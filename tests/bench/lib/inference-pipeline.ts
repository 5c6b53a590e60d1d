import { join } from 'node:path';
import type { PredictOutcome, Predictor } from '../../../electron/core/inference';
import { INFERENCE_LANES } from '../../../electron/core/jobs/inference-job';

/** The inference job's lanes: images in flight at once. */
export const JOB_LANES = INFERENCE_LANES;

export type PipelineRun = {
  wallMs: number;
  /** Wall time per image once the pipeline is full: first completion to last ÷ (images − 1). */
  steadyMs: number;
  /** Process CPU time (every thread: sharp, worker, onnxruntime) per image. */
  cpuMs: number;
  images: number;
  regions: number;
  ng: number;
  /** Sums over images of the predictor's own stage timings. */
  preprocessMs: number;
  runMs: number;
  postprocessMs: number;
};

/**
 * What an inference job does per image, without the database: `JOB_LANES` lanes each taking the
 * next image and calling predictor.predict with a heatmap PNG path (decode with sharp, resize and
 * normalise, session.run in the worker, adapter post-processing with regions, the PNG written).
 */
export async function runLikeJob(
  predictor: Predictor,
  images: readonly string[],
  heatmapDir: string,
): Promise<PipelineRun> {
  const outcomes: PredictOutcome[] = [];
  const finishedAt: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < images.length) {
      const index = next++;
      const heatmapPath = join(heatmapDir, `${index}.png`);
      outcomes.push(await predictor.predict(images[index]!, { heatmapPath }));
      finishedAt.push(performance.now());
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: JOB_LANES }, lane));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const sum = (pick: (o: PredictOutcome) => number) => outcomes.reduce((s, o) => s + pick(o), 0);
  return {
    wallMs,
    steadyMs: (finishedAt.at(-1)! - finishedAt[0]!) / Math.max(1, finishedAt.length - 1),
    cpuMs: (used.user + used.system) / 1000 / outcomes.length,
    images: outcomes.length,
    regions: sum((o) => o.result.regions.length),
    ng: sum((o) => (o.result.verdict === 'NG' ? 1 : 0)),
    preprocessMs: sum((o) => o.timings.preprocessMs),
    runMs: sum((o) => o.timings.runMs),
    postprocessMs: sum((o) => o.timings.postprocessMs),
  };
}
