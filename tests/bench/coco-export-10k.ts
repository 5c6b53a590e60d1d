import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFormat, ExportReport } from '../../electron/contract';
import { benchCore, type BenchCore } from './lib/bench-core';
import { evaluationProject } from './lib/evaluate-project';
import { pngSet } from './lib/png-sets';
import { copyProjectDatabase } from './lib/project-copy';
import { removeScratch, scratchDir } from './lib/scratch';
import type { Bench, Measure } from './lib/types';

const FULL = 10_000;
const QUICK = 2_000;
const SIZE = 64;
const TARGET_S = 10;

/** Bytes of everything under `dir` but the images (links to the project's files). */
function labelBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !/\.(png|jpe?g|bmp)$/i.test(entry.name))
      total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function timedExport(bench: BenchCore, format: ExportFormat) {
  const outDir = join(scratchDir(`export-${format}`), 'out');
  const start = performance.now();
  const { jobId } = await bench.call('export:start', { format, outDir });
  await bench.waitForJob(jobId);
  const report: ExportReport = await bench.call('export:report', { jobId });
  return { seconds: (performance.now() - start) / 1000, report, bytes: labelBytes(outDir) };
}

const bench: Bench = {
  name: 'coco-export-10k',
  title: 'export 10,000 labelled images to COCO and MAU-Set',
  order: 45,
  method:
    "Copies the database of evaluate-10k's cached project (10,000 generated 64×64 PNGs with OK/NG labels, " +
    'box and polygon regions of four defect types, one prediction each) into a scratch folder, opens it ' +
    'in the real core and runs `export:start` for COCO, then for MAU-Set, each into a new empty folder ' +
    'with images hard-linked (the default). Each time runs from export:start until the job ended `done` ' +
    'and its report is in hand.',
  async run({ quick, log }) {
    const count = quick ? QUICK : FULL;
    const target = quick ? (TARGET_S * QUICK) / FULL : TARGET_S;
    const targetText = quick ? `< ${target} s (scaled)` : `< ${target} s`;
    const set = await pngSet(quick ? 'mau-bench-png-2k' : 'mau-bench-png-10k', count, SIZE, SIZE, log);
    const cached = await evaluationProject(set, SIZE, log);
    const dir = copyProjectDatabase(cached.dir, 'export-project');
    const bench = benchCore();
    try {
      await bench.call('project:open', { dir });
      log('exporting COCO…');
      const coco = await timedExport(bench, 'coco');
      log(`COCO in ${coco.seconds.toFixed(1)} s; exporting MAU-Set…`);
      const mauset = await timedExport(bench, 'mauset');
      for (const { report } of [coco, mauset]) {
        if (report.exported !== count)
          throw new Error(
            `${report.format} export wrote ${report.exported} of ${count} images (${report.skipped} skipped)`,
          );
      }
      const both = coco.seconds + mauset.seconds;
      const measures: Measure[] = [
        { name: 'images', value: count, unit: 'images' },
        {
          name: 'COCO export',
          value: coco.seconds,
          unit: 's',
          target: targetText,
          pass: coco.seconds < target,
        },
        {
          name: 'MAU-Set export',
          value: mauset.seconds,
          unit: 's',
          target: targetText,
          pass: mauset.seconds < target,
        },
        {
          name: 'COCO + MAU-Set together (issue #6)',
          value: both,
          unit: 's',
          target: targetText,
          pass: both < target,
        },
        { name: 'COCO regions written', value: coco.report.regions, unit: 'regions' },
        { name: 'MAU-Set regions written', value: mauset.report.regions, unit: 'regions' },
      ];
      return {
        measures,
        notes: [
          `Label files written (images excluded): COCO ${(coco.bytes / 2 ** 20).toFixed(1)} MiB, ` +
            `MAU-Set ${(mauset.bytes / 2 ** 20).toFixed(1)} MiB; not representable: COCO ${coco.report.notRepresentable.length}, ` +
            `MAU-Set ${mauset.report.notRepresentable.length}.`,
          `The job's own elapsedMs: COCO ${coco.report.elapsedMs.toFixed(0)} ms, MAU-Set ${mauset.report.elapsedMs.toFixed(0)} ms ` +
            '(the bench adds the 25 ms polling of jobs:get).',
          'MAU-Set writes more than COCO: per region a mask PNG and the mean grey inside and around it, which ' +
            'decodes each image with a region (docs/MAU-SET-FORMAT.md), plus chat-style SFT files.',
          `Project ${cached.reused ? 'reused from' : 'built in'} ${cached.dir}; images are linked, not copied.`,
        ],
      };
    } finally {
      await bench.core.close();
      removeScratch();
    }
  },
};

export default bench;
