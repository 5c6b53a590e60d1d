import { closedItem } from './closed';
import { NO_DEFECT, type LevelContext } from './context';
import { displayName } from './knowledge';
import { TASK_OF_LEVEL, POSITION_WORDS, type QaItem, type QaRegion, type QaSample } from './types';
import { mainRegion, plural } from './wording';

/** L3: where? Needs regions; omitted for an NG image without any. */
export function localization(sample: QaSample, context: LevelContext): QaItem[] {
  const main = mainRegion(sample);
  if (sample.verdict === 'NG' && !main) return [];
  const question = context.question(3, 'closed');
  const said = sample.modelSaid?.positions ?? [];
  if (sample.verdict === 'OK' || !main) {
    return [
      closedItem(sample.id, 3, question, NO_DEFECT.place, [...POSITION_WORDS], 4, said),
      {
        level: 3,
        task: TASK_OF_LEVEL[3],
        form: 'open',
        question: context.question(3, 'open'),
        answer: `There is no defect to locate on this ${context.object}.`,
        regions: [],
      },
    ];
  }
  // Positions that hold any region would be right too: only empty ones are distractors.
  const occupied = new Set(sample.regions.map((r) => r.position));
  const empty = POSITION_WORDS.filter((word) => !occupied.has(word));
  const pool = [...empty, NO_DEFECT.place];
  return [
    { ...closedItem(sample.id, 3, question, main.position, pool, 4, said), regions: [main.id] },
    {
      level: 3,
      task: TASK_OF_LEVEL[3],
      form: 'open',
      question: context.question(3, 'open'),
      answer: whereAnswer(sample.regions),
      regions: sample.regions.map((r) => r.id),
    },
  ];
}

/** What a region's L3 answer says of it: its id, type, grid cell and box in image pixels. */
export type RegionPlace = Pick<QaRegion, 'id' | 'type' | 'position' | 'bbox'>;

/**
 * The open L3 answer for an NG image's regions: each one's place and box. `unlisted` regions
 * beyond these are counted and said to be in the region list (a model's map may mark dozens).
 */
export function whereAnswer(regions: readonly RegionPlace[], unlisted = 0): string {
  const places = regions.map(
    (r) =>
      `${r.id}${r.type ? ` (${displayName(r.type)})` : ''} in the ${r.position} ` +
      `(${Math.round(r.bbox[2])}×${Math.round(r.bbox[3])} px box at x ${Math.round(r.bbox[0])}, y ${Math.round(r.bbox[1])})`,
  );
  const total = regions.length + unlisted;
  if (total === 1) return `There is 1 defect: ${places[0]}.`;
  const last = unlisted > 0 ? `${unlisted} more in the region list` : places[places.length - 1];
  const listed = unlisted > 0 ? places : places.slice(0, -1);
  return `There are ${plural(total, 'defect')}: ${listed.join('; ')}; and ${last}.`;
}
