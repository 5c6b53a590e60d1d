import { seededRandom } from '../review/prng';

/**
 * A small seeded random source (the app's mulberry32, with helpers on top). Our own rather than Math.random so that one seed
 * gives byte-identical datasets on every machine and Node version.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  pick<T>(items: readonly T[]): T;
  /** A 32-bit seed for an independent child stream. */
  seed(): number;
};

export function createRng(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: (items) => {
      if (items.length === 0) throw new Error('rng.pick: nothing to pick from');
      return items[Math.floor(next() * items.length)]!;
    },
    seed: () => Math.floor(next() * 4294967296) >>> 0,
  };
}

/** Mixes a seed with an index into a well-spread 32-bit seed, so image i does not depend on image i-1. */
export function mixSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
