import type { Split } from '../../../contract/domain';
import { hashText, mix32 } from '../../review/prng';

/** What ties an image to others: its part (views, an image and its template) and its bytes. */
export type SplitKeys = { id: number; part: string | null; contentHash: string | null };

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
 * and a group's split is a hash of its name, so a group never spans two splits and lands in the
 * same split in every export. Returns each image's split and group name.
 */
export function assignSplits(
  items: readonly SplitKeys[],
  ratios: SplitRatios = DEFAULT_RATIOS,
): Map<number, { split: Split; group: string }> {
  const parent = new Map<string, string>();
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
    if (before(ra, rb)) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const item of items) {
    const keys = [`image:${item.id}`];
    if (item.part !== null) keys.push(`part:${item.part}`);
    if (item.contentHash !== null) keys.push(`bytes:${item.contentHash}`);
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    for (const key of keys.slice(1)) union(keys[0] as string, key);
  }
  const out = new Map<number, { split: Split; group: string }>();
  for (const item of items) {
    const group = find(`image:${item.id}`);
    out.set(item.id, { split: splitOf(group, ratios), group });
  }
  return out;
}

export function splitOf(group: string, ratios: SplitRatios): Split {
  const total = ratios.train + ratios.val + ratios.test;
  const u = mix32(hashText(group), 0x5e7) / 2 ** 32;
  if (u < ratios.train / total) return 'train';
  return u < (ratios.train + ratios.val) / total ? 'val' : 'test';
}
