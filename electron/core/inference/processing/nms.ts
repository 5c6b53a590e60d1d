export type Candidate = { box: [number, number, number, number]; score: number; cls: number; index: number };

export function iou(a: readonly number[], b: readonly number[]): number {
  const iw = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const ih = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const inter = iw * ih;
  const union = (a[2]! - a[0]!) * (a[3]! - a[1]!) + (b[2]! - b[0]!) * (b[3]! - b[1]!) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Greedy class-wise non-maximum suppression: highest score first (ties by anchor index, so the
 * result never depends on sort stability); a box is dropped when it overlaps a kept box of the
 * same class by more than `iouThreshold`.
 */
export function nmsClasswise<T extends Candidate>(
  candidates: T[],
  iouThreshold: number,
  maxDetections: number,
): T[] {
  const order = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index);
  const keptByClass = new Map<number, T[]>();
  const kept: T[] = [];
  for (const candidate of order) {
    const same = keptByClass.get(candidate.cls) ?? [];
    if (same.some((k) => iou(k.box, candidate.box) > iouThreshold)) continue;
    same.push(candidate);
    keptByClass.set(candidate.cls, same);
    kept.push(candidate);
    if (kept.length >= maxDetections) break;
  }
  return kept;
}
