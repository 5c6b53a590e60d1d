/** How far a shown threshold may be from the real one: "1.00" for a ball screw's 0.9979 hid that a score of 1.00 could still be OK. */
const THRESHOLD_TOLERANCE = 0.0005;

/**
 * The score beside the threshold its verdict rests on, with as many decimals (2 to 6) as it takes
 * to show on which side it lies, and the threshold to within 0.0005: "0.9973 < 0.9980". A PCB's
 * threshold is 0.998, and at two decimals an OK board read "score 1.00".
 */
export function scoreAgainstThreshold(score: number, threshold: number): string {
  let digits = 2;
  const unclear = () =>
    (score !== threshold && score.toFixed(digits) === threshold.toFixed(digits)) ||
    Math.abs(Number(threshold.toFixed(digits)) - threshold) > THRESHOLD_TOLERANCE;
  while (digits < 6 && unclear()) digits++;
  return `${score.toFixed(digits)} ${score >= threshold ? '≥' : '<'} ${threshold.toFixed(digits)}`;
}
