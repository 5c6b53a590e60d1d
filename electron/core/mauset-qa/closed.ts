import { seedFor, shuffled } from './seeded';
import { OPTION_LETTERS, TASK_OF_LEVEL, type OptionLetter, type QaItem, type QaLevel } from './types';

const MAX_OPTIONS = OPTION_LETTERS.length;

/**
 * A multiple-choice question: the correct text and up to `maxOptions - 1` distractors (pool
 * order first shuffled by the sample's seed), then all shuffled again, letters A… assigned.
 * Distractors equal to the answer or to each other (ignoring case) are dropped, so exactly one
 * option is correct. Throws when no distractor is left: a question with one option is no question.
 * `mistakes` (what a model wrongly answered) are taken first, but only where the pool holds
 * them: the pool decides what is wrong for this image.
 */
export function closedItem(
  sampleId: string,
  level: QaLevel,
  question: string,
  correct: string,
  distractorPool: readonly string[],
  maxOptions = 4,
  mistakes: readonly string[] = [],
): QaItem {
  const seen = new Set([correct.toLowerCase()]);
  const unique = distractorPool.filter((text) => {
    const key = text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const count = Math.min(Math.max(2, maxOptions), MAX_OPTIONS) - 1;
  const wrong = new Set(mistakes.map((text) => text.toLowerCase()));
  const first = unique.filter((text) => wrong.has(text.toLowerCase()));
  const rest = shuffled(
    unique.filter((text) => !wrong.has(text.toLowerCase())),
    seedFor(sampleId, 1000 + level),
  );
  const distractors = [...first, ...rest].slice(0, count);
  if (distractors.length === 0)
    throw new Error(`${sampleId}: L${level} closed question "${question}" has no distractor`);
  const order = shuffled([correct, ...distractors], seedFor(sampleId, 2000 + level));
  const options: Partial<Record<OptionLetter, string>> = {};
  order.forEach((text, i) => (options[OPTION_LETTERS[i] as OptionLetter] = text));
  const answer = OPTION_LETTERS[order.indexOf(correct)] as OptionLetter;
  return { level, task: TASK_OF_LEVEL[level], form: 'closed', question, options, answer };
}

export function openItem(level: QaLevel, question: string, answer: string): QaItem {
  return { level, task: TASK_OF_LEVEL[level], form: 'open', question, answer };
}
