import { TextLevelKey, type Texts } from '../../contract/review';

/**
 * Texts per task level as stored: keys '1'..'5' only, empty texts left out, so "cleared" and
 * "never written" read the same and compare equal.
 */
export function normaliseTexts(raw: Partial<Record<number | string, unknown>> | null | undefined): Texts {
  const texts: Texts = {};
  for (const key of TextLevelKey.options) {
    const value = raw?.[key];
    if (typeof value === 'string' && value !== '') texts[key] = value;
  }
  return texts;
}
