/**
 * The score beside the threshold its verdict rests on, with as many decimals (2 to 6) as it takes
 * to show on which side it lies: "0.9973 < 0.9980". A PCB's threshold is 0.998, and at two
 * decimals an OK board read "score 1.00".
 */
export function scoreAgainstThreshold(score: number, threshold: number): string {
  let digits = 2;
  while (digits < 6 && score !== threshold && score.toFixed(digits) === threshold.toFixed(digits)) digits++;
  return `${score.toFixed(digits)} ${score >= threshold ? '≥' : '<'} ${threshold.toFixed(digits)}`;
}
