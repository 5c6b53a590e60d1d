import type { EvaluationReport } from '../../contract/api-evaluation';
import { axisValue, scaleFor, scoreAt } from '../../contract/evaluation-report/score-scale';
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

/**
 * Score histograms of OK and NG images over shared bins spanning the scores seen, even on the
 * score's axis (score-scale.ts: the logit of probabilities, else the score itself).
 */
export function scoreHistogram(rows: readonly ScoredRow[], bins = 24): EvaluationReport['scoreHistogram'] {
  const scale = scaleFor(rows.map((r) => r.prediction.score));
  if (rows.length === 0) return { edges: [], ok: [], ng: [], scale };
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    min = Math.min(min, axisValue(r.prediction.score, scale));
    max = Math.max(max, axisValue(r.prediction.score, scale));
  }
  if (max === min) max = min + (scale === 'logit' ? 0.5 : 1);
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => scoreAt(min + i * width, scale));
  const ok = new Array<number>(bins).fill(0);
  const ng = new Array<number>(bins).fill(0);
  for (const r of rows) {
    const bin = Math.min(bins - 1, Math.floor((axisValue(r.prediction.score, scale) - min) / width));
    (r.positive ? ng : ok)[bin]! += 1;
  }
  return { edges, ok, ng, scale };
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
