import type { QaLevel } from './types';

/**
 * Several phrasings per question, `{object}` standing for the imaged thing. None names a
 * defect type, position or cause: a question must never carry its own answer.
 */
export const QUESTION_TEMPLATES: Record<QaLevel, { closed: string[]; open: string[] }> = {
  1: {
    closed: [
      'Is there any defect on this {object}?',
      'Does this {object} show an anomaly?',
      'Is this {object} defective?',
      'Would an inspector flag this {object} as anomalous?',
    ],
    open: [
      'Inspect this {object}: is anything wrong with it?',
      'Look at the {object} in the image. Is there an anomaly?',
      'Is this {object} free of defects? Explain briefly.',
    ],
  },
  2: {
    closed: [
      'What type of defect does this {object} have?',
      'Which defect class best describes the anomaly on this {object}?',
      'How would you classify the defect on this {object}?',
    ],
    open: [
      'What kind of defect, if any, is on this {object}?',
      'Name the defect type you see on this {object}.',
      'Which defect category does this {object} belong to?',
    ],
  },
  3: {
    closed: [
      'Where in the image is the main defect of this {object}?',
      'In which part of the image is the largest anomaly located?',
      'Which area of the {object} contains the main defect?',
    ],
    open: [
      'Where are the defects on this {object}?',
      'Locate every anomaly in this image of a {object}.',
      'Point out where this {object} is defective.',
    ],
  },
  4: {
    closed: [
      'Which description fits the main defect on this {object}?',
      'What does the largest anomaly on this {object} look like?',
      'How does the main defect appear in the image?',
    ],
    open: [
      'Describe what the defect on this {object} looks like.',
      'What is the appearance of the anomaly on this {object}: shape, size and contrast?',
      'Describe the visual characteristics of the defect in this image.',
    ],
  },
  5: {
    closed: [
      'What is the most likely cause of the defect on this {object}?',
      'Which process problem most likely produced this anomaly?',
      'What most probably caused what you see on this {object}?',
    ],
    open: [
      'Analyse the defect on this {object}: likely cause, impact, severity and what to do.',
      'What caused this anomaly, how serious is it, and what should be done?',
      'Give a short root-cause analysis of this {object} with a recommended action.',
    ],
  },
};

export function fillTemplate(template: string, object: string): string {
  return template.replaceAll('{object}', object);
}
