import type { EvaluationReport, EvaluationStart } from '../../contract/api-evaluation';
import type { Problem } from '../../contract/domain';
import { heatmapFile } from '../models/heatmap-file';
import type { ProjectStore } from '../store';
import { auditEscapes, modelVerdicts, regionScores, scoreHistogram, typeConfusion } from './image-extras';
import { operatingPoints, prCurve, rocCurve, thinOut } from './metrics/ranking';
import { forEachLimited, pixelOutcome } from './pixel/pixel-stage';
import { readEvaluationRows } from './read/evaluation-rows';
import { defaultThreshold } from './read/pack-thresholds';
import type { EvaluatedPack } from './read/resolve-model';
import { Slices } from './slices';
import { textScores } from './text-scores';
import { triage } from './triage';

export type EvaluationOptions = Omit<EvaluationStart, 'model' | 'threshold' | 'sampleIds'> & {
  pack: EvaluatedPack;
  /** Decision threshold; without one, the pack's for the images scored (defaultThreshold). */
  threshold?: number;
  /**
   * Only these images (of those the filter chooses): two packs compared on exactly one set, such
   * as a fine-tune's held-out split, whatever else either pack predicted.
   */
  sampleIds?: readonly number[];
};

/** What a job passes in; every part optional so tests and scripts can call without one. */
export type EvaluationProgress = {
  signal?: AbortSignal;
  setTotal?(total: number): void;
  advance?(done: number): void;
  message?(text: string): void;
};

const MAX_PROBLEMS = 1000;
/** Curve points kept in the report: enough for a smooth chart and the threshold slider. */
const MAX_CURVE_POINTS = 501;

/**
 * Scores one pack's predictions against the current labels of the chosen images: image metrics
 * per slice, curves, histograms, L2 confusion, L3 region matching, texts, audits and, from the
 * heat maps, pixel AUROC and AUPRO. Images that cannot be scored are counted and listed.
 */
export async function evaluateProject(
  store: ProjectStore,
  options: EvaluationOptions,
  progress: EvaluationProgress = {},
): Promise<EvaluationReport> {
  const started = performance.now();
  progress.message?.(`reading predictions of ${options.pack.name} ${options.pack.version}…`);
  const rows = readEvaluationRows(store.db, options.filter, options.pack.id, options.sampleIds);
  progress.setTotal?.(rows.length);
  const { scored, skipped } = triage(rows);
  const { threshold, category: thresholdCategory } =
    options.threshold === undefined
      ? defaultThreshold(
          options.pack,
          scored.map((row) => row.category),
        )
      : { threshold: options.threshold, category: null };
  progress.advance?.(skipped.length);

  const problems: Problem[] = skipped.map((s) => ({ file: s.row.relPath, reason: s.message }));
  const skippedBy = { noPrediction: 0, noScore: 0, fileMissing: 0, unreadable: 0, noTruth: 0 };
  for (const s of skipped) skippedBy[s.reason]++;

  const ngTypes = new Set(scored.filter((r) => r.positive).flatMap((r) => r.defectTypes));
  const slices = new Slices([...ngTypes]);
  const membership = new Map(scored.map((row) => [row, slices.of(row)]));
  for (const [row, owners] of membership) {
    for (const slice of owners) slice.scored.push({ score: row.prediction.score, positive: row.positive });
  }

  const pixelSkippedBy = { noHeatmap: 0, heatmapUnreadable: 0, ngWithoutRegions: 0 };
  if (options.pixelMetrics) {
    progress.message?.(`scoring heat maps at ${options.mapSize}×${options.mapSize}…`);
    await forEachLimited(
      scored,
      async (row) => {
        const heatmap = heatmapFile(store, { anomalyMapPath: row.prediction.anomalyMapPath });
        const outcome = await pixelOutcome(row, heatmap, options.mapSize);
        if (outcome.kind === 'scored') {
          for (const slice of membership.get(row)!) slice.addPixels(outcome.histograms);
        } else {
          pixelSkippedBy[outcome.kind]++;
          if (outcome.kind === 'heatmapUnreadable')
            problems.push({ file: row.relPath, reason: outcome.message });
        }
        progress.advance?.(1);
      },
      progress.signal,
    );
  } else {
    progress.advance?.(scored.length);
  }

  const points = operatingPoints(slices.total.scored);
  const { total, slices: bySlice } = slices.metrics(threshold);
  return {
    pack: { name: options.pack.name, version: options.pack.version, kind: options.pack.kind },
    filter: options.filter,
    threshold,
    thresholdCategory,
    mapSize: options.mapSize,
    createdAt: new Date().toISOString(),
    elapsedMs: performance.now() - started,
    selected: rows.length,
    evaluated: scored.length,
    skipped: skipped.length,
    skippedBy,
    pixelSkippedBy,
    problems: problems.slice(0, MAX_PROBLEMS),
    problemCount: problems.length,
    total,
    slices: bySlice,
    curves: {
      roc: thinOut(rocCurve(points), MAX_CURVE_POINTS),
      pr: thinOut(prCurve(points), MAX_CURVE_POINTS),
    },
    scoreHistogram: scoreHistogram(scored),
    modelVerdicts: modelVerdicts(scored),
    confusion: typeConfusion(scored, threshold),
    regions: regionScores(scored),
    texts: textScores(scored),
    audit: auditEscapes(rows),
  };
}
