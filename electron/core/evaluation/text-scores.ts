import type { EvaluationReport } from '../../contract/api-evaluation';
import { scoreClosedQuestions, type ClosedItem } from './metrics/closed-questions';
import { rouge1, rougeL } from './metrics/rouge';
import type { ScoredRow } from './triage';

/** A corrected text that is just an option letter marks the level's question as closed. */
const OPTION_KEY = /^\s*\(?([A-Ea-e])\)?\s*\.?\s*$/;

/**
 * Texts per task level: where the corrected text is an option letter the model's answer is
 * scored as a closed question, otherwise both texts are compared with ROUGE.
 */
export function textScores(rows: readonly ScoredRow[]): EvaluationReport['texts'] {
  const closed: ClosedItem[] = [];
  const open = new Map<number, { pairs: number; rouge1: number; rougeL: number }>();
  for (const row of rows) {
    for (const [key, truth] of Object.entries(row.texts)) {
      const answer = row.prediction.texts[key];
      if (!truth || !answer) continue;
      const level = Number(key);
      const letter = OPTION_KEY.exec(truth);
      if (letter) {
        closed.push({ level, key: letter[1]!, answer });
        continue;
      }
      const sums = open.get(level) ?? { pairs: 0, rouge1: 0, rougeL: 0 };
      sums.pairs++;
      sums.rouge1 += rouge1(answer, truth);
      sums.rougeL += rougeL(answer, truth);
      open.set(level, sums);
    }
  }
  return {
    open: [...open.entries()]
      .sort(([a], [b]) => a - b)
      .map(([level, s]) => ({
        level,
        pairs: s.pairs,
        rouge1: s.rouge1 / s.pairs,
        rougeL: s.rougeL / s.pairs,
      })),
    closed: scoreClosedQuestions(closed),
  };
}
