import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../electron/core/review/prng';
import { assignSplits, type SplitKeys } from '../../../electron/core/exchange/mauset/splits';

/** Random images: parts shared by a few, byte-identical copies across parts, some with neither. */
function randomImages(seed: number): SplitKeys[] {
  const random = seededRandom(seed);
  const count = 50 + Math.floor(random() * 300);
  const parts = 1 + Math.floor(random() * 60);
  const hashes = 1 + Math.floor(random() * count);
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    part: random() < 0.7 ? `p${Math.floor(random() * parts)}` : null,
    contentHash: random() < 0.9 ? `h${Math.floor(random() * hashes)}` : null,
  }));
}

/** The groups by brute force: images linked by a shared part or hash, transitively. */
function bruteGroups(items: SplitKeys[]): number[][] {
  const groups: Set<number>[] = items.map((item) => new Set([item.id]));
  let merged = true;
  while (merged) {
    merged = false;
    for (let a = 0; a < groups.length && !merged; a++) {
      for (let b = a + 1; b < groups.length && !merged; b++) {
        const linked = [...groups[a]!].some((x) =>
          [...groups[b]!].some((y) => {
            const [i, j] = [items[x - 1]!, items[y - 1]!];
            return (
              (i.part !== null && i.part === j.part) ||
              (i.contentHash !== null && i.contentHash === j.contentHash)
            );
          }),
        );
        if (linked) {
          for (const id of groups[b]!) groups[a]!.add(id);
          groups.splice(b, 1);
          merged = true;
        }
      }
    }
  }
  return groups.map((g) => [...g]);
}

describe('leak-free splits', () => {
  it('never lets a group of linked images span two splits, over random groupings', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const items = randomImages(seed);
      const splits = assignSplits(items);
      for (const group of bruteGroups(items)) {
        const seen = new Set(group.map((id) => splits.get(id)!.split));
        expect(seen.size, `seed ${seed}, group ${group.join(',')}`).toBe(1);
        expect(new Set(group.map((id) => splits.get(id)!.group)).size).toBe(1);
      }
    }
  });

  it('is deterministic and independent of the order images come in', () => {
    const items = randomImages(7);
    const forward = assignSplits(items);
    const backward = assignSplits([...items].reverse());
    for (const item of items) expect(backward.get(item.id)).toEqual(forward.get(item.id));
  });

  it('keeps a part in its split when an export selects only some of its images', () => {
    const items: SplitKeys[] = [
      { id: 1, part: 'board-7', contentHash: 'test' },
      { id: 2, part: 'board-7', contentHash: 'template' },
    ];
    expect(assignSplits(items.slice(0, 1)).get(1)).toEqual(assignSplits(items).get(1));
  });

  it('comes close to 80/10/10 over many groups', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, part: `p${i}`, contentHash: null }));
    const counts = { train: 0, val: 0, test: 0 };
    for (const { split } of assignSplits(items).values()) counts[split]++;
    expect(counts.train / 5000).toBeCloseTo(0.8, 1);
    expect(counts.val / 5000).toBeCloseTo(0.1, 1);
    expect(counts.test / 5000).toBeCloseTo(0.1, 1);
  });
});
