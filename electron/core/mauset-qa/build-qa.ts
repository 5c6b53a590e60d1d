import { analysis } from './analysis';
import { levelContext } from './context';
import { description } from './description';
import { classification, discrimination } from './discrimination-classification';
import { localization } from './localization';
import type { QaItem, QaSample } from './types';

/**
 * How OK images are answered, for manifests to state: every level is asked, and levels 2–5 answer
 * "no defect" in the same words for every image.
 */
export const OK_IMAGE_POLICY =
  'levels 2-5 are answered as "no defect" (closed: the "no defect" option; open: a sentence saying so)';

/**
 * The questions of one sample, levels 1–5, each closed then open. A level whose facts are
 * missing (an NG image without regions cannot be localised) is left out, never guessed.
 * Deterministic: the same sample gives the same questions, options and order.
 */
export function buildQa(sample: QaSample): QaItem[] {
  const context = levelContext(sample);
  return [
    ...discrimination(sample, context),
    ...classification(sample, context),
    ...localization(sample, context),
    ...description(sample, context),
    ...analysis(sample, context),
  ];
}
