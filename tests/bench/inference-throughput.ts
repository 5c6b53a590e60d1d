import { SessionPool } from '../../electron/core/inference';
import { runBatched, type BatchedRun } from './lib/inference-batches';
import { realImages } from './lib/inference-images';
import { visionEncoderPack } from './lib/inference-pack';
import { removeScratch, scratchDir } from './lib/scratch';
import type { Bench, Measure } from './lib/types';

const BATCHES = [1, 2, 4, 8];
const THREADS = [1, 2];
const FULL = { images: 64 };
const QUICK = { images: 24 };

type Cell = { threads: number; batch: number; run: BatchedRun };

/** One line per thread count: images/s of the pipeline, the model alone in brackets, per batch size. */
function table(cells: Cell[]): string[] {
  return THREADS.map((t) => {
    const row = BATCHES.map((b) => {
      const c = cells.find((x) => x.threads === t && x.batch === b)!;
      return `batch ${b}: ${c.run.imagesPerSecond.toFixed(1)} (${c.run.runImagesPerSecond.toFixed(1)})`;
    });
    return `${t} thread${t > 1 ? 's' : ''} — ${row.join(', ')} images/s`;
  });
}

const bench: Bench = {
  name: 'inference-throughput',
  title: 'inference images/s by batch size and intra-op threads',
  order: 52,
  method:
    'The MAU-GPT-mini vision encoder (256×256, dynamic batch) as an anomalib-style pack, one session per thread count in the ' +
    'engine’s session worker (CPU provider). For each batch size the same real shared/data images (BSData, DeepPCB, NEU-DET ' +
    'interleaved) are decoded and resized with sharp (a batch in parallel, the next batch while this one runs), stacked into one ' +
    'tensor, run once, and each image’s slice is post-processed by the anomalib adapter with its heatmap PNG written. ' +
    'images/s = images after the first batch ÷ time from the first batch done to the last; “run” = images ÷ session.run time ' +
    'measured in the worker (the model alone). After one untimed batch per setting.',
  async run({ quick, log }) {
    const plan = quick ? QUICK : FULL;
    try {
      const pack = await visionEncoderPack();
      const images = realImages(plan.images);
      const cells: Cell[] = [];
      for (const threads of THREADS) {
        const pool = new SessionPool();
        try {
          const session = await pool.acquire(pack, { providers: ['cpu'], intraOpNumThreads: threads });
          for (const batch of BATCHES) {
            await runBatched(session, pack, images.slice(0, 2 * batch), batch, scratchDir('heatmaps'));
            const run = await runBatched(session, pack, images, batch, scratchDir('heatmaps'));
            cells.push({ threads, batch, run });
            log(
              `${threads} thread(s), batch ${batch}: ${run.imagesPerSecond.toFixed(1)} images/s (run alone ${run.runImagesPerSecond.toFixed(1)})`,
            );
          }
        } finally {
          await pool.close();
        }
      }
      const best = cells.reduce((a, b) => (b.run.imagesPerSecond > a.run.imagesPerSecond ? b : a));
      const measures: Measure[] = cells.map((c) => ({
        name: `${c.threads} thread${c.threads > 1 ? 's' : ''}, batch ${c.batch}`,
        value: c.run.imagesPerSecond,
        unit: 'images/s',
      }));
      measures.push({ name: 'best setting', value: `${best.threads} thread(s), batch ${best.batch}` });
      const rows = table(cells);
      for (const line of rows) log(line);
      return {
        measures,
        notes: [
          ...rows.map((line) => `Pipeline (model alone): ${line}.`),
          `${plan.images} images per setting; 2 logical CPUs shared with other engineers’ jobs while this ran. The engine’s predictor runs batch 1; larger batches here stack images in the bench to show what batching would gain.`,
        ],
      };
    } finally {
      removeScratch();
    }
  },
};

export default bench;
