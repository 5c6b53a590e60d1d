import type { EvaluationReport } from '../../contract/api-evaluation';
import { confusionAccuracy, confusionMatrix } from './metrics/confusion';
import { addRegionCounts, matchRegions, regionMetrics, type RegionCounts } from './metrics/region-match';
import { wilsonInterval } from './metrics/wilson';
import type { EvaluationRow } from './read/evaluation-rows';
import type { ScoredRow } from './triage';

const UNTYPED = '(untyped)';

/** The defect type an NG label is about: the type covering the most area, else any it names. */
function truthType(row: ScoredRow): string {
  if (!row.positive) return 'OK';
  let best: { type: string; area: number } | null = null;
  for (const r of row.regions) {
    if (!r.defectType) continue;
    const area = r.box.w * r.box.h;
    if (!best || area > best.area) best = { type: r.defectType, area };
  }
  return best?.type ?? row.defectTypes[0] ?? UNTYPED;
}

/** The type the model gives at the threshold: its most confident typed region, or OK. */
function predictedType(row: ScoredRow, threshold: number): string {
  if (row.prediction.score < threshold) return 'OK';
  const typed = row.prediction.regions.filter((r) => r.defectType !== null);
  typed.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  return typed[0]?.defectType ?? UNTYPED;
}

export function typeConfusion(rows: readonly ScoredRow[], threshold: number): EvaluationReport['confusion'] {
  const matrix = confusionMatrix(
    rows.map((r) => ({ truth: truthType(r), predicted: predictedType(r, threshold) })),
  );
  return { ...matrix, accuracy: confusionAccuracy(matrix) };
}

export function regionScores(rows: readonly ScoredRow[]): EvaluationReport['regions'] {
  let counts: RegionCounts = { predicted: 0, truth: 0, matched: 0, iouSum: 0 };
  for (const row of rows) {
    const truth = row.positive ? row.regions.map((r) => r.box) : [];
    const predicted = row.prediction.regions.map((r) => ({ ...r.box, score: r.score }));
    counts = addRegionCounts(counts, matchRegions(predicted, truth));
  }
  const { predicted, truth, matched, precision, recall, meanIou } = regionMetrics(counts);
  return { predicted, truth, matched, precision, recall, meanIou };
}

export function modelVerdicts(rows: readonly ScoredRow[]): EvaluationReport['modelVerdicts'] {
  const out = { tp: 0, fp: 0, fn: 0, tn: 0, unknown: 0 };
  for (const row of rows) {
    const v = row.prediction.verdict;
    if (v !== 'OK' && v !== 'NG') out.unknown++;
    else if (row.positive) out[v === 'NG' ? 'tp' : 'fn']++;
    else out[v === 'NG' ? 'fp' : 'tn']++;
  }
  return out;
}

/** Score histograms of OK and NG images over shared bins spanning the scores seen. */
export function scoreHistogram(rows: readonly ScoredRow[], bins = 20): EvaluationReport['scoreHistogram'] {
  if (rows.length === 0) return { edges: [], ok: [], ng: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    min = Math.min(min, r.prediction.score);
    max = Math.max(max, r.prediction.score);
  }
  if (max === min) max = min + 1;
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const ok = new Array<number>(bins).fill(0);
  const ng = new Array<number>(bins).fill(0);
  for (const r of rows) {
    const bin = Math.min(bins - 1, Math.floor((r.prediction.score - min) / width));
    (r.positive ? ng : ok)[bin]! += 1;
  }
  return { edges, ok, ng };
}

/** Blind audits among the chosen images: a person checked an image the model passed. */
export function auditEscapes(rows: readonly EvaluationRow[]): EvaluationReport['audit'] {
  const audited = rows.filter((r) => r.audited && (r.verdict === 'OK' || r.verdict === 'NG'));
  const escapes = audited.filter((r) => r.verdict === 'NG').length;
  const interval = wilsonInterval(escapes, audited.length);
  return {
    audited: audited.length,
    escapes,
    rate: interval?.rate ?? null,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
  };
}
