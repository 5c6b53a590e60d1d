/**
 * Near-duplicate pairs among images by their visual hashes (256 bits, media/visual-hash.ts).
 * Two hashes within `maxBits` of each other agree exactly on at least one of `maxBits + 1`
 * blocks (pigeonhole), so only images sharing a block value are compared.
 */
import { parsedDistance, parseVisualHash } from '../../media/visual-hash';

/**
 * Bits of 256 in which two images may differ and still count as near-duplicates: a NEU-DET image
 * resized by 10 % and saved as PNG differs from its original in 7–9 bits, unrelated images of
 * one dataset in about 100.
 */
export const NEAR_DUPLICATE_BITS = 12;
/**
 * Within one bucket (images equal on one block), each image is compared with this many of its
 * neighbours in hash order: product photos of one line can fill a bucket with thousands, and
 * comparing all of them would be quadratic; the closest hashes sort next to each other.
 */
const NEIGHBOURS_PER_BUCKET = 64;

export type HashedImage = { id: number; visualHash: string };
export type NearPair = { a: number; b: number; distance: number };

/** Hex-digit ranges of the blocks: 64 digits cut into `count` nearly equal parts. */
function blocks(count: number): [number, number][] {
  return Array.from({ length: count }, (_, i) => [
    Math.floor((i * 64) / count),
    Math.floor(((i + 1) * 64) / count),
  ]);
}

/** Every pair within `maxBits`, each once, sorted by distance then ids (the same order for any input order). */
export function nearDuplicatePairs(
  images: readonly HashedImage[],
  maxBits = NEAR_DUPLICATE_BITS,
): NearPair[] {
  const valid = images.filter((image) => /^[0-9a-f]{64}$/.test(image.visualHash));
  const parsed = new Map(valid.map((image) => [image.id, parseVisualHash(image.visualHash)]));
  const found = new Map<string, NearPair>();
  for (const [from, to] of blocks(maxBits + 1)) {
    const buckets = new Map<string, HashedImage[]>();
    for (const image of valid) {
      const key = image.visualHash.slice(from, to);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(image);
      else buckets.set(key, [image]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      bucket.sort((p, q) =>
        p.visualHash < q.visualHash ? -1 : p.visualHash > q.visualHash ? 1 : p.id - q.id,
      );
      for (let i = 0; i < bucket.length; i++) {
        const end = Math.min(bucket.length, i + 1 + NEIGHBOURS_PER_BUCKET);
        for (let j = i + 1; j < end; j++) {
          const [p, q] = [bucket[i]!, bucket[j]!];
          const d = parsedDistance(parsed.get(p.id)!, parsed.get(q.id)!);
          if (d > maxBits) continue;
          const [a, b] = p.id < q.id ? [p.id, q.id] : [q.id, p.id];
          found.set(`${a},${b}`, { a, b, distance: d });
        }
      }
    }
  }
  return [...found.values()].sort((x, y) => x.distance - y.distance || x.a - y.a || x.b - y.b);
}
