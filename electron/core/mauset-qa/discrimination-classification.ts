import { closedItem, openItem } from './closed';
import { NO_DEFECT, preferred, type LevelContext } from './context';
import { displayName, knownTypes } from './knowledge';
import type { QaItem, QaSample } from './types';
import { joinWords, plural, typeNames, typesOf } from './wording';

/** L1: is there an anomaly? Always answerable. */
export function discrimination(sample: QaSample, context: LevelContext): QaItem[] {
  const ng = sample.verdict === 'NG';
  const count = sample.regions.length;
  const detail =
    count > 0
      ? `the ${context.object} shows ${plural(count, 'defective region')}`
      : `the ${context.object} is defective`;
  return [
    closedItem(sample.id, 1, context.question(1, 'closed'), ng ? 'Yes' : 'No', [ng ? 'No' : 'Yes']),
    openItem(
      1,
      context.question(1, 'open'),
      ng ? `Yes. ${capital(detail)}.` : `No. The ${context.object} looks normal; no defect is visible.`,
    ),
  ];
}

/** L2: which defect type? Omitted for an NG image whose type nobody recorded. */
export function classification(sample: QaSample, context: LevelContext): QaItem[] {
  const types = typesOf(sample);
  const ng = sample.verdict === 'NG';
  if (ng && types.length === 0) return [];
  const said = sample.modelSaid?.types ?? [];
  const candidates = [...said, ...sample.taxonomyTypes, ...knownTypes(sample.domain)];
  const others = preferred(candidates, types, 5).map(displayName);
  const correct = ng ? typeNames(types) : NO_DEFECT.type;
  const pool = ng ? [...others, NO_DEFECT.type] : others;
  // a model that called a defective image clean made "no defect" its mistake
  const missed = ng && sample.modelSaid?.verdict === 'OK';
  const mistakes = [...said.map(displayName), ...(missed ? [NO_DEFECT.type] : [])];
  return [
    closedItem(sample.id, 2, context.question(2, 'closed'), correct, pool, 4, mistakes),
    openItem(2, context.question(2, 'open'), ng ? openAnswer(sample, types) : noDefect(context)),
  ];
}

function openAnswer(sample: QaSample, types: readonly string[]): string {
  return typesAnswer(types, (type) => sample.regions.filter((r) => r.type === type).length);
}

/**
 * The open L2 answer for a defective part: "It is pitting." or "There are 2 defect types: open
 * circuit (3 regions) and spur (1 region)." — counts only where `regionsOf` knows them. MAU-GPT's
 * defect-type head starts its answers with the same words (mau-gpt/defect-types.ts).
 */
export function typesAnswer(types: readonly string[], regionsOf: (type: string) => number = () => 0): string {
  if (types.length === 1) return `It is ${displayName(types[0] as string)}.`;
  const counted = types.map((type) => {
    const n = regionsOf(type);
    return n > 0 ? `${displayName(type)} (${plural(n, 'region')})` : displayName(type);
  });
  return `There are ${types.length} defect types: ${joinWords(counted)}.`;
}

function noDefect(context: LevelContext): string {
  return `There is no defect on this ${context.object}, so there is no defect type.`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
