import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { benchCore } from './bench-core';
import { sharedDataset } from './fixture-project';
import { scratchDir } from './scratch';

export type DecisionKind = 'confirm' | 'falsePositive' | 'retype';
/** One predicted image and what the scripted reviewer will decide about its one region. */
export type ReviewPlan = { sampleId: number; kind: DecisionKind; predictedType: string; rightType: string };
export type ReviewProject = { dir: string; plans: ReviewPlan[]; hotkeys: Map<string, string> };

/** Confirm half, reject a quarter as false positives, retype a quarter: a plausible day's mix. */
const kindAt = (i: number): DecisionKind =>
  (['confirm', 'falsePositive', 'confirm', 'retype'] as const)[i % 4]!;

/** A DeepPCB-shaped folder holding the first `count` defect rows of shared/data/deeppcb (copied). */
function deeppcbSubset(count: number): string {
  const source = sharedDataset('deeppcb');
  const target = scratchDir('deeppcb-subset');
  const [header, ...rows] = readFileSync(join(source, 'manifest.csv'), 'utf8').trim().split('\n');
  const chosen = rows.filter((row) => row.split(',')[1] === 'defect').slice(0, count);
  if (chosen.length < count)
    throw new Error(`${source}/manifest.csv: only ${chosen.length} defect rows, ${count} wanted`);
  for (const row of chosen) {
    const [image, , annotation] = row.split(',') as [string, string, string];
    for (const rel of [image, annotation]) {
      mkdirSync(dirname(join(target, rel)), { recursive: true });
      copyFileSync(join(source, rel), join(target, rel));
    }
  }
  writeFileSync(join(target, 'manifest.csv'), `${[header, ...chosen].join('\n')}\n`);
  return target;
}

/**
 * A project of `count` DeepPCB boards imported through the core, and a predictions file (the
 * documented "mau-studio-predictions" format) imported through `predictions:import`: one region
 * per board over its first ground-truth box, typed right for confirm and false positive, wrong for retype.
 */
export async function reviewProject(count: number, log: (m: string) => void): Promise<ReviewProject> {
  const bench = benchCore();
  try {
    const dir = join(scratchDir('review-project'), 'project');
    await bench.call('project:create', { dir, name: 'bench review' });
    const { jobId } = await bench.call('import:start', { source: deeppcbSubset(count) });
    await bench.waitForJob(jobId);
    const taxonomy = await bench.call('taxonomy:get', {});
    const hotkeys = new Map(
      taxonomy.defectTypes.flatMap((t) => (t.hotkey ? [[t.name, t.hotkey] as const] : [])),
    );
    const types = [...hotkeys.keys()];
    if (types.length < 2)
      throw new Error(`${dir}: the DeepPCB import gave ${types.length} defect types with hotkeys`);
    const { ids } = await bench.call('samples:ids', {});
    const plans: ReviewPlan[] = [];
    const predictions: unknown[] = [];
    for (const [i, sampleId] of ids.entries()) {
      const sample = await bench.call('samples:get', { id: sampleId });
      const region = sample.regions[0];
      if (!region) continue;
      const kind = kindAt(i);
      const rightType = region.defectType && hotkeys.has(region.defectType) ? region.defectType : types[0]!;
      const predictedType = kind === 'retype' ? types.find((t) => t !== rightType)! : rightType;
      plans.push({ sampleId, kind, predictedType, rightType });
      predictions.push({
        image: sample.relPath,
        score: 0.9,
        regions: [
          { defectType: predictedType, score: kind === 'falsePositive' ? 0.55 : 0.9, shape: region.shape },
        ],
      });
    }
    const file = join(scratchDir('review-predictions'), 'predictions.json');
    const model = { name: 'bench-model', version: '1', kind: 'external', threshold: 0.5 };
    writeFileSync(file, JSON.stringify({ format: 'mau-studio-predictions', version: 1, model, predictions }));
    const report = await bench.call('predictions:import', { file });
    if (report.imported !== plans.length || report.problems.length)
      throw new Error(
        `${file}: imported ${report.imported} of ${plans.length}: ${JSON.stringify(report.problems.slice(0, 3))}`,
      );
    log(`${plans.length} predicted boards in ${dir}`);
    return { dir, plans, hotkeys };
  } finally {
    await bench.core.close();
  }
}
