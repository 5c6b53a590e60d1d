import type { PredictionResult } from '../inference/types';
import { typesAnswer } from '../mauset-qa/discrimination-classification';
import { displayName } from '../mauset-qa/knowledge';
import { plural } from '../mauset-qa/wording';
import type { Level, MauGptOptions } from './options';

/**
 * How the verdict steers one level's answer: a forced start, phrases the decoder may not say, and
 * whether the start is the whole answer (the defect-type head's L2: the decoder, asked to go on
 * after "It is crazing.", only added noise).
 */
export type LevelGrounding = { answerStart?: string; avoid?: string[]; complete?: boolean };

/**
 * What the heads decided before any text is generated: the verdict, how many regions the map
 * marked, and on an NG image the types the defect-type head listed (defect-types.ts), if any.
 */
export type Picture = {
  verdict: PredictionResult['verdict'];
  regionCount: number;
  types?: readonly string[];
  /** The L3 answer the listed regions make (region-places.ts), where the map listed any. */
  regionsAnswer?: string;
  /** The L4 answer they make, measured on the image (region-looks.ts), where the pack asks for it. */
  looksAnswer?: string;
  /** A kind of part the pack was not trained on (productKnown): it says only what the map shows. */
  unknownProduct?: boolean;
};

/**
 * What a pack says on a kind of part it never learnt, instead of the type and cause its decoder
 * would make up from other products' words.
 */
const UNKNOWN_PRODUCT = {
  type: 'This pack was not trained on {object} images, so it names no defect type: the reviewer sets it.',
  cause:
    'This pack was not trained on {object} images, so it does not guess a cause, impact or severity. ' +
    'Recommended action: check the marked regions.',
};

/**
 * Whether the pack learnt this kind of part: it has thresholds or defect types of the category
 * (a fine-tuned pack gains thresholds for the categories it was tuned on). An image without a
 * category, or a pack that knows no categories at all, is taken as known.
 */
export function productKnown(options: MauGptOptions, category: string | undefined): boolean {
  if (category === undefined) return true;
  const learnt = [
    ...Object.keys(options.categoryThresholds ?? {}),
    ...Object.keys(options.defectTypes?.byCategory ?? {}),
  ];
  return learnt.length === 0 || learnt.includes(category);
}

/**
 * `{regions}` and `{defects}` worded as the MAU-Set export words a region count (L1 "shows 3
 * defective regions", L3 "There are 3 defects:"), so a grounded start reads like its training text.
 */
export function fillCounts(text: string, count: number): string {
  return text
    .replaceAll('{regions}', plural(count, 'defective region'))
    .replaceAll('{defects}', count === 1 ? 'is 1 defect' : `are ${count} defects`);
}

/** A level's `ngOneType` with `{type}` named, unless it counts regions the map did not mark. */
function oneTypeStart(template: string | undefined, type: string, counted: boolean): string | undefined {
  if (!template || (!counted && /\{(regions|defects)\}/.test(template))) return undefined;
  return template.replaceAll('{type}', displayName(type));
}

/**
 * What the pack's groundedL1 and groundedLevels ask of `level` for this picture, `{object}` filled
 * by `fill` and the region counts by fillCounts; on an NG image whose types were listed, L2 says
 * them, and with one type a level's `ngOneType` names it. An ungrounded pack leaves every answer to the decoder.
 */
export function levelGrounding(
  options: MauGptOptions,
  level: Level,
  picture: Picture,
  fill: (text: string) => string,
): LevelGrounding {
  const grounding = knownProductGrounding(options, level, picture, fill);
  if (!picture.unknownProduct) return grounding;
  // On a part it never learnt, the decoder went on after every start in other products' words
  // ("Impact defective. Severity: there is no defect px"): the starts are the whole answers.
  const ng = picture.verdict === 'NG';
  if (ng && (level === '2' || level === '5'))
    return {
      answerStart: fill(level === '2' ? UNKNOWN_PRODUCT.type : UNKNOWN_PRODUCT.cause),
      complete: true,
    };
  const whole = level === '1' || !ng;
  return whole && grounding.answerStart
    ? { answerStart: asSentence(grounding.answerStart), complete: true }
    : grounding;
}

/** A start the decoder would finish ("No. The wood looks normal;") closed as a sentence. */
function asSentence(text: string): string {
  const trimmed = text.replace(/[\s;:,]+$/, '');
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function knownProductGrounding(
  options: MauGptOptions,
  level: Level,
  picture: Picture,
  fill: (text: string) => string,
): LevelGrounding {
  const ng = picture.verdict === 'NG';
  const counted = ng && picture.regionCount > 0;
  const complete = (text: string) => fillCounts(fill(text), picture.regionCount);
  if (level === '1') {
    const l1 = options.groundedL1;
    if (!l1) return {};
    if (ng && !counted && l1.yesWithoutRegions)
      return { answerStart: complete(l1.yesWithoutRegions), complete: true };
    return { answerStart: complete(ng ? (counted && l1.yesWithRegions) || l1.yes : l1.no) };
  }
  const grounded = options.groundedLevels?.[level];
  // the listed types, in the export's own words, are the whole L2 answer
  if (ng && level === '2' && picture.types?.length)
    return { answerStart: typesAnswer(picture.types), complete: true };
  // and where the pack says so, the listed regions the whole L3 or L4 answer (or that none is listed)
  if (ng && (level === '3' || level === '4')) {
    const measured = options.groundedLevels?.[level];
    if (measured?.fromRegions) {
      const said = level === '3' ? picture.regionsAnswer : picture.looksAnswer;
      const whole = counted ? said : measured.ngWithoutRegions && complete(measured.ngWithoutRegions);
      if (whole) return { answerStart: whole, complete: true };
    }
  }
  const oneType =
    ng && picture.types?.length === 1
      ? oneTypeStart(grounded?.ngOneType, picture.types[0]!, counted)
      : undefined;
  const start = oneType ?? (ng ? (counted && grounded?.ngWithRegions) || grounded?.ng : grounded?.ok);
  const avoid = ng ? (grounded?.avoidWhenNg ?? []).map(fill) : [];
  return { ...(start ? { answerStart: complete(start) } : {}), ...(avoid.length ? { avoid } : {}) };
}
