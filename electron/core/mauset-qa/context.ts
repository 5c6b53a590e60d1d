import { pick } from './seeded';
import { fillTemplate, QUESTION_TEMPLATES } from './templates';
import type { QaLevel, QaSample } from './types';
import { objectNoun } from './wording';

/** What every level builder needs besides the sample: the noun and a seeded question picker. */
export type LevelContext = {
  object: string;
  question(level: QaLevel, form: 'closed' | 'open'): string;
};

export function levelContext(sample: QaSample): LevelContext {
  const object = objectNoun(sample);
  return {
    object,
    question: (level, form) =>
      fillTemplate(
        pick(QUESTION_TEMPLATES[level][form], sample.id, level * 10 + (form === 'open' ? 1 : 0)),
        object,
      ),
  };
}

/** "No defect" in the words each level's options use, the same every time. */
export const NO_DEFECT = {
  type: 'no defect',
  place: 'nowhere: there is no defect',
  look: 'no visible defect',
  cause: 'there is no defect, so there is nothing to explain',
} as const;

/** The first `count` of a preference-ordered pool: distractors stay plausible, then get shuffled. */
export function preferred(pool: readonly string[], exclude: readonly string[], count: number): string[] {
  const skip = new Set(exclude.map((text) => text.toLowerCase()));
  const out: string[] = [];
  for (const text of pool) {
    const key = text.toLowerCase();
    if (skip.has(key)) continue;
    skip.add(key);
    out.push(text);
    if (out.length === count) break;
  }
  return out;
}
