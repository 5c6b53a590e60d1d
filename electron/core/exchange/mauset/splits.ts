import type { Split } from '../../../contract/domain';
import { hashText, mix32 } from '../../review/prng';
import { nearDuplicatePairs } from './near-duplicates';

/**
 * What ties an image to others: its part (views, an image and its template), its bytes, and what
 * it looks like (a visual hash, media/visual-hash.ts; absent for images imported before it existed).
 */
export type SplitKeys = {
  id: number;
  part: string | null;
  contentHash: string | null;
  visualHash?: string | null;
};

/**
 * Near-duplicates (visual hashes a few bits apart) join a group only while it holds at most this
 * share of the export's images (and always a pair): similarity does not chain like identity, and
 * photos of one product line would otherwise pull a whole dataset into one group, so into one
 * split, leaving no test set. A group this small cannot tilt the split ratios. Pairs it keeps
 * apart are counted.
 */
export const NEAR_DUPLICATE_GROUP_SHARE = 0.01;

export function nearDuplicateGroupCap(images: number): number {
  return Math.max(2, Math.floor(images * NEAR_DUPLICATE_GROUP_SHARE));
}

export type NearDuplicateStats = {
  /** The largest group near-duplicates could join into (nearDuplicateGroupCap). */
  maxGroup: number;
  /** Pairs of images whose visual hashes are within NEAR_DUPLICATE_BITS. */
  pairs: number;
  /** Of those, pairs in one group (so in one split). */
  together: number;
  /** Pairs the group-size cap kept in different groups, and how many of them landed in different splits. */
  keptApart: number;
  acrossSplits: number;
};

export type SplitPlacement = { split: Split; group: string };

export type SplitRatios = { train: number; val: number; test: number };
export const DEFAULT_RATIOS: SplitRatios = { train: 0.8, val: 0.1, test: 0.1 };

/**
 * Part keys name a group before byte keys, and byte keys before row ids: a part is what stays
 * the same when an export selects fewer of its images, so its split stays the same too.
 */
const RANK: Record<string, number> = { part: 0, bytes: 1, image: 2 };

function before(a: string, b: string): boolean {
  const [ra, rb] = [RANK[a.slice(0, a.indexOf(':'))] ?? 3, RANK[b.slice(0, b.indexOf(':'))] ?? 3];
  return ra !== rb ? ra < rb : a < b;
}

/**
 * Leak-free splits: images sharing a part key or identical bytes form one group (transitively),
 * near-duplicates join it up to 1 % of the images, and a group's split is a hash of
 * its name, so a group never spans two splits and lands in the same split in every export.
 */
export function assignSplits(
  items: readonly SplitKeys[],
  ratios: SplitRatios = DEFAULT_RATIOS,
): Map<number, SplitPlacement> {
  return splitGroups(items, ratios).placements;
}

/** assignSplits, and what became of the near-duplicate pairs. */
export function splitGroups(
  items: readonly SplitKeys[],
  ratios: SplitRatios = DEFAULT_RATIOS,
): { placements: Map<number, SplitPlacement>; nearDuplicates: NearDuplicateStats } {
  const parent = new Map<string, string>();
  /** Images in each group, by its root key. */
  const imagesIn = new Map<string, number>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    for (let k = key; k !== root;) {
      const next = parent.get(k) as string;
      parent.set(k, root);
      k = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    const [root, child] = before(ra, rb) ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    imagesIn.set(root, (imagesIn.get(root) ?? 0) + (imagesIn.get(child) ?? 0));
  };
  for (const item of items) {
    const keys = [`image:${item.id}`];
    if (item.part !== null) keys.push(`part:${item.part}`);
    if (item.contentHash !== null) keys.push(`bytes:${item.contentHash}`);
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    imagesIn.set(keys[0] as string, 1);
    for (const key of keys.slice(1)) union(keys[0] as string, key);
  }
  const hashed = items.flatMap((item) =>
    item.visualHash ? [{ id: item.id, visualHash: item.visualHash }] : [],
  );
  const pairs = nearDuplicatePairs(hashed);
  const apart: [string, string][] = [];
  const cap = nearDuplicateGroupCap(items.length);
  for (const { a, b } of pairs) {
    const [ra, rb] = [find(`image:${a}`), find(`image:${b}`)];
    if (ra === rb) continue;
    if ((imagesIn.get(ra) ?? 0) + (imagesIn.get(rb) ?? 0) > cap) apart.push([`image:${a}`, `image:${b}`]);
    else union(ra, rb);
  }
  const placements = new Map<number, SplitPlacement>();
  for (const item of items) {
    const group = find(`image:${item.id}`);
    placements.set(item.id, { split: splitOf(group, ratios), group });
  }
  const acrossSplits = apart.filter(([a, b]) => splitOf(find(a), ratios) !== splitOf(find(b), ratios)).length;
  // a pair kept apart may still have been joined later through other pairs
  const keptApart = apart.filter(([a, b]) => find(a) !== find(b)).length;
  return {
    placements,
    nearDuplicates: {
      maxGroup: cap,
      pairs: pairs.length,
      together: pairs.length - keptApart,
      keptApart,
      acrossSplits,
    },
  };
}

export function splitOf(group: string, ratios: SplitRatios): Split {
  const total = ratios.train + ratios.val + ratios.test;
  const u = mix32(hashText(group), 0x5e7) / 2 ** 32;
  if (u < ratios.train / total) return 'train';
  return u < (ratios.train + ratios.val) / total ? 'val' : 'test';
}
