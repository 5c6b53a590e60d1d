import type { PredictedRegion } from '../inference/types';
import { displayName } from '../mauset-qa/knowledge';

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The label an L2 answer gives when it is the export's single-type answer and nothing more: "It
 * is pitting." ("It is mouse bite." names `mousebite`, "it is open circuit ." names `open`), case,
 * spacing and punctuation aside. Anything else, however many labels it happens to contain, gives
 * none: a rambling "It is no - in the steel surface: the crazing: high." on a PCB named exactly
 * one label, and typed all twenty of the board's regions as crazing.
 */
export function singleTypeOf(answer: string, labels: readonly string[]): string | undefined {
  const said = squash(answer);
  const named = labels.filter((label) =>
    [displayName(label), label].some((name) => said === squash(`It is ${name}`)),
  );
  return named.length === 1 ? named[0] : undefined;
}

/**
 * The anomaly map says where, not what: its regions come untyped. When MAU-GPT's L2 answer is
 * exactly "It is <type>." for one of the pack's labels, that is the model's type for the image,
 * and its untyped regions take it, so a reviewer confirms them with one key instead of typing
 * each. Any other answer ("There are 2 defect types: …", junk) leaves them untyped.
 */
export function typeRegionsByAnswer(
  regions: PredictedRegion[],
  typeAnswer: string | undefined,
  labels: readonly string[],
): PredictedRegion[] {
  const type = typeAnswer === undefined ? undefined : singleTypeOf(typeAnswer, labels);
  if (!type) return regions;
  return regions.map((region) => (region.defectType === null ? { ...region, defectType: type } : region));
}
