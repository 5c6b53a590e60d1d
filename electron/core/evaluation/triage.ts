import { existsSync } from 'node:fs';
import type { EvaluationReport } from '../../contract/api-evaluation';
import type { EvaluationRow } from './read/evaluation-rows';

/** An image that can be scored: a prediction with a score, and an OK or NG truth. */
export type ScoredRow = EvaluationRow & {
  prediction: NonNullable<EvaluationRow['prediction']> & { score: number };
  positive: boolean;
};

export type SkipReason = keyof EvaluationReport['skippedBy'];

const REASONS: Record<SkipReason, string> = {
  unreadable: 'not readable',
  fileMissing: 'file moved or deleted; import it again (a moved file is found by its content)',
  noPrediction: 'no prediction of this pack for the image as it is now',
  noScore: 'the prediction has no image score',
  noTruth: 'no OK/NG label (unsure or not labelled)',
};

/**
 * Sorts images into scored and skipped; each skipped one gets its reason. Order matters: a file
 * that cannot be read or found says more than the prediction it consequently lacks.
 */
export function triage(rows: readonly EvaluationRow[]): {
  scored: ScoredRow[];
  skipped: { row: EvaluationRow; reason: SkipReason; message: string }[];
} {
  const scored: ScoredRow[] = [];
  const skipped: { row: EvaluationRow; reason: SkipReason; message: string }[] = [];
  for (const row of rows) {
    const reason = skipReason(row);
    if (reason) {
      const detail =
        reason === 'unreadable' && row.error ? `${REASONS.unreadable}: ${row.error}` : REASONS[reason];
      skipped.push({ row, reason, message: detail });
    } else {
      scored.push({
        ...row,
        prediction: row.prediction as ScoredRow['prediction'],
        positive: row.verdict === 'NG',
      });
    }
  }
  return { scored, skipped };
}

function skipReason(row: EvaluationRow): SkipReason | null {
  if (row.error) return 'unreadable';
  if (!existsSync(row.path)) return 'fileMissing';
  if (!row.prediction) return 'noPrediction';
  if (row.prediction.score === null) return 'noScore';
  if (row.verdict !== 'OK' && row.verdict !== 'NG') return 'noTruth';
  return null;
}
