/**
 * The facts a sample's questions are built from, and the questions themselves. Pure data: the
 * export, the synthetic-data generator and the recipe corpus all fill these from their own
 * sources and get the same records back.
 */

export type QaLevel = 1 | 2 | 3 | 4 | 5;

export const TASK_OF_LEVEL = {
  1: 'discrimination',
  2: 'classification',
  3: 'localization',
  4: 'description',
  5: 'analysis',
} as const satisfies Record<QaLevel, string>;
export type QaTask = (typeof TASK_OF_LEVEL)[QaLevel];

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

/** 3×3 grid words for where a region's centroid lies in the image. */
export const POSITION_WORDS = [
  'upper left',
  'upper middle',
  'upper right',
  'middle left',
  'center',
  'middle right',
  'lower left',
  'lower middle',
  'lower right',
] as const;
export type PositionWord = (typeof POSITION_WORDS)[number];

/** Mean grey (0–255) inside the region and in a ring around it. */
export type Brightness = { region: number; surround: number };

export type QaRegion = {
  /** As written in the record ("r1"); L3 answers name it. */
  id: string;
  type: string | null;
  /** Share of the image's pixels, in percent. */
  areaPct: number;
  /** x, y, w, h in image pixels. */
  bbox: readonly [number, number, number, number];
  /** Region pixels / bounding-box pixels (1 for a box). */
  fillRatio: number;
  position: PositionWord;
  brightness?: Brightness | null;
};

export type QaSample = {
  /** Stable sample id: the seed of every choice, so the same sample gives the same record. */
  id: string;
  verdict: 'OK' | 'NG';
  category: string | null;
  domain: string | null;
  /** Defect types known for the whole image (used when no region carries one). */
  imageTypes: readonly string[];
  regions: readonly QaRegion[];
  /**
   * Defect type names plausible on this image (its category's, its domain's), the most plausible
   * first; distractors come from these, then from the knowledge table's types of the same domain.
   */
  taxonomyTypes: readonly string[];
  /**
   * What a model predicted for this image (its regions' types and positions): where that differs
   * from the truth it is a distractor a model really falls for, so closed questions offer it first.
   */
  modelSaid?: { verdict: 'OK' | 'NG' | null; types: readonly string[]; positions: readonly PositionWord[] };
  /** What a reviewer typed for L4 / L5: used as the open answer when present. */
  texts?: { description?: string; analysis?: string };
};

export type QaItem = {
  level: QaLevel;
  task: QaTask;
  form: 'closed' | 'open';
  question: string;
  /** Closed form only: 2–5 options, exactly one of them correct. */
  options?: Partial<Record<OptionLetter, string>>;
  /** The correct letter (closed) or a full-sentence answer (open). */
  answer: string;
  /** L3 only: the region ids the answer names. */
  regions?: string[];
};
