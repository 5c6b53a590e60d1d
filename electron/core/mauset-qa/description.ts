import { lookOf, lookPhrase, otherLooks } from './appearance';
import { closedItem, openItem } from './closed';
import { NO_DEFECT, type LevelContext } from './context';
import { displayName } from './knowledge';
import type { QaItem, QaRegion, QaSample } from './types';
import { mainRegion, shareOfImage } from './wording';

/** Regions described one by one in the open answer; more would make it a list, not a sentence. */
export const DESCRIBED = 4;

/** The order the open answer describes regions in: largest first, ties in the given order. */
export function largestFirst<R extends Pick<QaRegion, 'areaPct'>>(regions: readonly R[]): R[] {
  return [...regions].sort((a, b) => b.areaPct - a.areaPct);
}

/** L4: what does it look like? Needs regions; a reviewer's own description wins the open answer. */
export function description(sample: QaSample, context: LevelContext): QaItem[] {
  const main = mainRegion(sample);
  if (sample.verdict === 'NG' && !main) return [];
  const typed = sample.texts?.description?.trim();
  if (sample.verdict === 'OK' || !main) {
    const looks = otherLooks({ size: 'small', shape: 'compact', contrast: null }).map(lookPhrase);
    return [
      closedItem(sample.id, 4, context.question(4, 'closed'), NO_DEFECT.look, looks),
      openItem(
        4,
        context.question(4, 'open'),
        typed || `No defect is visible: the ${context.object} looks uniform and normal.`,
      ),
    ];
  }
  const look = lookOf(main);
  const pool = [...otherLooks(look).map(lookPhrase), NO_DEFECT.look];
  return [
    closedItem(sample.id, 4, context.question(4, 'closed'), lookPhrase(look), pool),
    openItem(4, context.question(4, 'open'), typed || looksAnswer(sample.regions)),
  ];
}

/**
 * The open L4 answer for measured regions: the largest four one by one (look, box, share of the
 * image), the rest counted. The app says it for the regions a model listed (mau-gpt/region-looks.ts).
 */
export function looksAnswer(regions: readonly QaRegion[]): string {
  const ordered = largestFirst(regions);
  const lines = ordered.slice(0, DESCRIBED).map((region) => {
    const what = region.type ? ` (${displayName(region.type)})` : '';
    const size = `${Math.round(region.bbox[2])}×${Math.round(region.bbox[3])} px, ${shareOfImage(region.areaPct)}`;
    // Region ids stay lower case ("r1"), as the records and the L3 answers write them.
    return `${region.id}${what} is ${lookPhrase(lookOf(region))} (${size}).`;
  });
  const rest = ordered.length - DESCRIBED;
  if (rest > 0) lines.push(`${rest} smaller region${rest === 1 ? ' looks' : 's look'} alike.`);
  return lines.join(' ');
}
