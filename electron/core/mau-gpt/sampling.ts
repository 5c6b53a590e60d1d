// The one seeded generator of the app (mulberry32), so a sampled answer can be reproduced from its seed.
export { seededRandom } from '../review/prng';

/** Index of the largest logit (the first one on ties, like torch.argmax). */
export function argmax(logits: ArrayLike<number>, offset = 0, length = logits.length - offset): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < length; i++) {
    const v = logits[offset + i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}

export type SamplerSettings = { doSample: boolean; temperature: number; topP: number };

/**
 * Temperature then nucleus (top-p) sampling over one row of logits: the smallest set of most
 * likely tokens whose probability reaches topP, renormalised, drawn with `random`.
 */
export function sampleTopP(
  logits: ArrayLike<number>,
  offset: number,
  length: number,
  temperature: number,
  topP: number,
  random: () => number,
): number {
  let max = -Infinity;
  for (let i = 0; i < length; i++) max = Math.max(max, logits[offset + i]!);
  const probs = new Float64Array(length);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const p = Math.exp((logits[offset + i]! - max) / temperature);
    probs[i] = p;
    sum += p;
  }
  const order = Array.from({ length }, (_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
  let kept = 0;
  let mass = 0;
  // keep tokens until the mass reaches topP; the token that crosses it is kept too
  while (kept < length && (kept === 0 || mass < topP * sum)) mass += probs[order[kept++]!]!;
  let draw = random() * mass;
  for (let k = 0; k < kept; k++) {
    draw -= probs[order[k]!]!;
    if (draw <= 0) return order[k]!;
  }
  return order[kept - 1]!;
}

/** Picks the next token from one row of logits: greedy unless sampling is asked for. */
export function nextToken(
  logits: ArrayLike<number>,
  offset: number,
  length: number,
  settings: SamplerSettings,
  random: () => number,
): number {
  if (!settings.doSample || settings.temperature <= 0) return argmax(logits, offset, length);
  return sampleTopP(logits, offset, length, settings.temperature, settings.topP, random);
}
