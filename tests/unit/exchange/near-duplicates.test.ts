import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { nearDuplicatePairs, type HashedImage } from '../../../electron/core/exchange/mauset/near-duplicates';
import { nearDuplicateGroupCap, splitGroups } from '../../../electron/core/exchange/mauset/splits';
import { hashDistance, visualHashOfPixels } from '../../../electron/core/media/visual-hash';
import { seededRandom } from '../../../electron/core/review/prng';
import { sharedData } from '../../helpers/paths';

/** A random 256-bit hash, and a copy with `flips` distinct bits flipped. */
function randomHash(random: () => number): string {
  return Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join('');
}
function flipped(hash: string, flips: number, random: () => number): string {
  const digits = hash.split('').map((d) => parseInt(d, 16));
  const done = new Set<number>();
  while (done.size < flips) {
    const bit = Math.floor(random() * 256);
    if (done.has(bit)) continue;
    done.add(bit);
    digits[bit >> 2]! ^= 8 >> (bit & 3);
  }
  return digits.map((d) => d.toString(16)).join('');
}

/** Images of which some are copies of others a few bits apart, some far. */
function plantedImages(seed: number): HashedImage[] {
  const random = seededRandom(seed);
  const images: HashedImage[] = [];
  for (let id = 1; id <= 200; id++) {
    const near = images.length > 0 && random() < 0.4;
    const base = near ? images[Math.floor(random() * images.length)]!.visualHash : randomHash(random);
    images.push({ id, visualHash: near ? flipped(base, Math.floor(random() * 20), random) : base });
  }
  return images;
}

describe('nearDuplicatePairs', () => {
  it('finds exactly the pairs within the distance that brute force finds, in a fixed order', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const images = plantedImages(seed);
      const brute = [];
      for (let i = 0; i < images.length; i++)
        for (let j = i + 1; j < images.length; j++) {
          const distance = hashDistance(images[i]!.visualHash, images[j]!.visualHash);
          if (distance <= 12) brute.push({ a: images[i]!.id, b: images[j]!.id, distance });
        }
      brute.sort((x, y) => x.distance - y.distance || x.a - y.a || x.b - y.b);
      expect(brute.length, `seed ${seed}`).toBeGreaterThan(10);
      expect(nearDuplicatePairs(images, 12), `seed ${seed}`).toEqual(brute);
      expect(nearDuplicatePairs([...images].reverse(), 12)).toEqual(brute);
    }
  });

  it('ignores hashes that are not 64 hex digits', () => {
    const hash = '0'.repeat(64);
    expect(
      nearDuplicatePairs([
        { id: 1, visualHash: hash },
        { id: 2, visualHash: 'zz' },
        { id: 3, visualHash: hash },
      ]),
    ).toEqual([{ a: 1, b: 3, distance: 0 }]);
  });
});

describe('near-duplicates in splits', () => {
  it('joins near-duplicates into one group, never beyond the cap, and counts the pairs kept apart', () => {
    // one picture photographed 50 times (a product line), plus 950 unrelated images: groups of ≤ 10
    const random = seededRandom(7);
    const line = randomHash(random);
    const items = [
      ...Array.from({ length: 50 }, (_, i) => ({ id: i + 1, visualHash: flipped(line, 2, random) })),
      ...Array.from({ length: 950 }, (_, i) => ({ id: 51 + i, visualHash: randomHash(random) })),
    ].map((item) => ({ ...item, part: null, contentHash: `h${item.id}` }));
    expect(nearDuplicateGroupCap(items.length)).toBe(10);
    const { placements, nearDuplicates } = splitGroups(items);
    const sizes = new Map<string, number>();
    for (const { group } of placements.values()) sizes.set(group, (sizes.get(group) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBe(10);
    expect(nearDuplicates.maxGroup).toBe(10);
    expect(nearDuplicates.pairs).toBe((50 * 49) / 2);
    expect(nearDuplicates.keptApart).toBeGreaterThan(0);
    expect(nearDuplicates.together + nearDuplicates.keptApart).toBe(nearDuplicates.pairs);
    // the unrelated images are alone
    for (let id = 51; id <= 1000; id++) expect(sizes.get(placements.get(id)!.group)).toBe(1);
    // the same answer for the images in any order
    expect(splitGroups([...items].reverse()).placements).toEqual(placements);
  });

  it('keeps images without a visual hash grouped by part and bytes only', () => {
    const items = [
      { id: 1, part: 'p1', contentHash: 'a', visualHash: null },
      { id: 2, part: 'p1', contentHash: 'b' },
      { id: 3, part: null, contentHash: 'c', visualHash: null },
    ];
    const { placements, nearDuplicates } = splitGroups(items);
    expect(placements.get(1)!.group).toBe(placements.get(2)!.group);
    expect(placements.get(3)!.group).not.toBe(placements.get(1)!.group);
    expect(nearDuplicates).toEqual({ maxGroup: 2, pairs: 0, together: 0, keptApart: 0, acrossSplits: 0 });
  });
});

describe('visualHashOfPixels', () => {
  const file = join(sharedData, 'neu-det', 'IMAGES', 'crazing_1.jpg');
  const hashOf = async (image: Sharp) => {
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    return visualHashOfPixels(data, info.width, info.height, info.channels);
  };

  it('barely changes when a real image is resized or re-encoded, and differs from other images', async () => {
    const original = await hashOf(sharp(file));
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    const smaller = await hashOf(sharp(await sharp(file).resize(180, 180).png().toBuffer()));
    const recoded = await hashOf(sharp(await sharp(file).jpeg({ quality: 60 }).toBuffer()));
    const colour = await hashOf(sharp(file).toColourspace('srgb'));
    expect(hashDistance(original, smaller)).toBeLessThanOrEqual(12);
    expect(hashDistance(original, recoded)).toBeLessThanOrEqual(12);
    expect(hashDistance(original, colour)).toBeLessThanOrEqual(2);
    const other = await hashOf(sharp(join(sharedData, 'neu-det', 'IMAGES', 'crazing_2.jpg')));
    expect(hashDistance(original, other)).toBeGreaterThan(40);
  });
});
