/**
 * Scoring of closed (multiple-choice) questions the way MMAD does: the model answers freely, the
 * option letter is pulled out of the answer, and only that letter is compared with the key.
 */
const LETTERS = 'A-E';

const PATTERNS: RegExp[] = [
  // the whole answer is the letter: "B", "(B)", "B.", "b)"
  new RegExp(`^\\s*\\(?([${LETTERS}])\\)?\\s*[.:)]?\\s*$`, 'i'),
  // "Answer: B.", "The correct answer is (C) because …": an upper-case letter after "answer"
  new RegExp(`\\b[Aa]nswer\\s*(?:is|:|-|=)?\\s*(?:option\\s*)?\\(?([${LETTERS}])\\b`),
  // "the answer is b", "answer: d)": lower case only where punctuation or the end follows, so
  // "the answer is a scratch" does not read as option A
  new RegExp(`\\banswer\\s*(?:is|:|-|=)?\\s*(?:option\\s*)?\\(?([${LETTERS}])\\)?(?=\\s*(?:[.,;:!]|$))`, 'i'),
  // "Option C", "option (d)"
  new RegExp(`\\boption\\s*\\(?([${LETTERS}])\\b`, 'i'),
  // starts with the letter and a separator: "B. No defect", "(A) Yes", "C: scratch"
  new RegExp(`^\\s*\\(?([${LETTERS}])\\)?\\s*[.:)]\\s`, 'i'),
  // upper-case letter in parentheses anywhere: "I think (B) fits"
  new RegExp(`\\(([${LETTERS}])\\)`),
];

/**
 * The option letter an answer chooses, upper-cased, or null when none can be read. `options`
 * (letter → option text) lets an answer that only repeats one option's text count as that letter.
 */
export function extractOptionLetter(answer: string, options?: Record<string, string>): string | null {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(answer);
    if (match) return match[1]!.toUpperCase();
  }
  if (options) {
    const text = answer
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, '');
    const hits = Object.entries(options).filter(([, option]) => option.trim().toLowerCase() === text);
    if (hits.length === 1) return hits[0]![0].toUpperCase();
  }
  return null;
}

export type ClosedItem = { level: number; key: string; answer: string; options?: Record<string, string> };

export type ClosedLevelScore = {
  level: number;
  questions: number;
  correct: number;
  /** Answers no letter could be read from (counted wrong, as MMAD does). */
  unreadable: number;
  accuracy: number | null;
  /** Mean recall per correct letter; reported for L1, where "no defect" usually dominates. */
  balancedAccuracy: number | null;
};

export function scoreClosedQuestions(items: readonly ClosedItem[]): ClosedLevelScore[] {
  const levels = [...new Set(items.map((i) => i.level))].sort((a, b) => a - b);
  return levels.map((level) => {
    const mine = items.filter((i) => i.level === level);
    const perKey = new Map<string, { total: number; correct: number }>();
    let correct = 0;
    let unreadable = 0;
    for (const item of mine) {
      const chosen = extractOptionLetter(item.answer, item.options);
      const key = item.key.toUpperCase();
      const tally = perKey.get(key) ?? { total: 0, correct: 0 };
      tally.total++;
      if (chosen === null) unreadable++;
      if (chosen === key) {
        correct++;
        tally.correct++;
      }
      perKey.set(key, tally);
    }
    const recalls = [...perKey.values()].map((t) => t.correct / t.total);
    return {
      level,
      questions: mine.length,
      correct,
      unreadable,
      accuracy: mine.length === 0 ? null : correct / mine.length,
      balancedAccuracy:
        level === 1 && recalls.length > 0 ? recalls.reduce((s, r) => s + r, 0) / recalls.length : null,
    };
  });
}
