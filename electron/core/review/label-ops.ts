import type { LabelDoc, LabelOp, RegionSnapshot, ReviewMark } from '../store/label-edits-types';
import { TextLevelKey } from '../../contract/review';

export function cloneDoc(doc: LabelDoc): LabelDoc {
  return { ...doc, texts: { ...doc.texts }, regions: new Map(doc.regions), reviews: new Map(doc.reviews) };
}

/** Applies operations in memory (the store writes the same ones); returns a new document. */
export function applyOps(doc: LabelDoc, ops: readonly LabelOp[]): LabelDoc {
  const next = cloneDoc(doc);
  for (const op of ops) {
    switch (op.op) {
      case 'verdict':
        next.verdict = op.value;
        break;
      case 'split':
        next.split = op.value;
        break;
      case 'text':
        if (op.value === '') delete next.texts[op.level];
        else next.texts[op.level] = op.value;
        break;
      case 'region:put':
        next.regions.set(op.region.id, op.region);
        break;
      case 'region:remove':
        next.regions.delete(op.id);
        break;
      case 'review:put':
        next.reviews.set(op.predictionRegionId, { outcome: op.outcome, regionId: op.regionId });
        break;
      case 'review:remove':
        next.reviews.delete(op.predictionRegionId);
        break;
    }
  }
  return next;
}

/** JSON with sorted keys: shapes read back from the store need not keep the key order they were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export const sameRegion = (a: RegionSnapshot, b: RegionSnapshot): boolean => canonical(a) === canonical(b);
const sameMark = (a: ReviewMark, b: ReviewMark): boolean =>
  a.outcome === b.outcome && a.regionId === b.regionId;

/**
 * The operations that turn `from` into `to`. An edit's inverse is diff(after, before), so undo
 * needs no knowledge of what each command meant. Regions come before the verdicts that point at them.
 */
export function diffDocs(from: LabelDoc, to: LabelDoc): LabelOp[] {
  const ops: LabelOp[] = [];
  if (from.verdict !== to.verdict) ops.push({ op: 'verdict', value: to.verdict });
  if (from.split !== to.split) ops.push({ op: 'split', value: to.split });
  for (const level of TextLevelKey.options) {
    const before = from.texts[level] ?? '';
    const after = to.texts[level] ?? '';
    if (before !== after) ops.push({ op: 'text', level, value: after });
  }
  for (const id of from.regions.keys()) if (!to.regions.has(id)) ops.push({ op: 'region:remove', id });
  for (const [id, region] of to.regions) {
    const before = from.regions.get(id);
    if (!before || !sameRegion(before, region)) ops.push({ op: 'region:put', region });
  }
  for (const id of from.reviews.keys()) {
    if (!to.reviews.has(id)) ops.push({ op: 'review:remove', predictionRegionId: id });
  }
  for (const [id, mark] of to.reviews) {
    const before = from.reviews.get(id);
    if (!before || !sameMark(before, mark)) ops.push({ op: 'review:put', predictionRegionId: id, ...mark });
  }
  return ops;
}
