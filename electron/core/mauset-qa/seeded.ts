import { hashText, mix32, seededRandom } from '../review/prng';

/** A 32-bit seed for one decision about one sample; `salt` tells the decisions apart. */
export function seedFor(sampleId: string, salt: number): number {
  return mix32(hashText(sampleId), salt);
}

/** One of `choices`, the same one every time for the same sample and salt. */
export function pick<T>(choices: readonly T[], sampleId: string, salt: number): T {
  if (choices.length === 0) throw new Error('pick: nothing to choose from');
  return choices[seedFor(sampleId, salt) % choices.length] as T;
}

/** A seeded Fisher–Yates shuffle (a new array). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
