import type { DraftShape, LabelCommand } from '../../contract/review';
import { AppError } from '../../contract/result';
import type { LabelDoc, RegionSnapshot } from '../store/label-edits-types';
import type { PredictedRegion } from '../store/predictions';
import { cloneDoc } from './label-ops';
import { checkShape, type ImageSize } from './shape-checks';

export type PlanContext = {
  doc: LabelDoc;
  size: ImageSize;
  /** Names the image in messages (its file name). */
  where: string;
  contentHash: string | null;
  nextRegionId: () => number;
  predictedRegion: (id: number) => PredictedRegion | undefined;
};

export type Plan = { after: LabelDoc; predictionId: number | null };

function liveRegion(ctx: PlanContext, id: number): RegionSnapshot {
  const region = ctx.doc.regions.get(id);
  if (!region)
    throw new AppError(
      'NOT_FOUND',
      `${ctx.where}: region ${id} is not on this image (deleted, or never there)`,
    );
  return region;
}

function predictionOf(ctx: PlanContext, region: RegionSnapshot): number | null {
  return region.predictionRegionId === null
    ? null
    : (ctx.predictedRegion(region.predictionRegionId)?.predictionId ?? null);
}

/** Drawing or confirming a defect makes the image NG, unless the person said they are unsure. */
function impliesDefect(doc: LabelDoc): void {
  if (doc.verdict === null || doc.verdict === 'OK') doc.verdict = 'NG';
}

/** A region that came from a predicted one keeps its verdict in step when a person changes it. */
function putLinked(doc: LabelDoc, region: RegionSnapshot): void {
  doc.regions.set(region.id, region);
  const linked = region.predictionRegionId;
  const outcome = region.reviewOutcome;
  if (linked === null || outcome === null || outcome === 'missed' || outcome === 'false_positive') return;
  if (doc.reviews.get(linked)?.regionId === region.id)
    doc.reviews.set(linked, { outcome, regionId: region.id });
}

function reviewPrediction(
  ctx: PlanContext,
  doc: LabelDoc,
  command: Extract<LabelCommand, { type: 'reviewPrediction' }>,
): Plan {
  const predicted = ctx.predictedRegion(command.predictionRegionId);
  if (!predicted || predicted.contentHash !== ctx.contentHash) {
    throw new AppError(
      'NOT_FOUND',
      `${ctx.where}: predicted region ${command.predictionRegionId} is not a prediction for this image`,
    );
  }
  const mark = doc.reviews.get(predicted.id);
  const linked = mark?.regionId != null ? doc.regions.get(mark.regionId) : undefined;
  const plan = { after: doc, predictionId: predicted.predictionId };
  if (command.outcome === 'false_positive') {
    if (linked) doc.regions.delete(linked.id);
    doc.reviews.set(predicted.id, { outcome: 'false_positive', regionId: null });
    return plan;
  }
  const where = `${ctx.where}: predicted region ${predicted.id}`;
  if (command.outcome === 'retyped' && command.defectType === undefined) {
    throw new AppError('INVALID_INPUT', `${where}: 'retyped' needs the right defect type`);
  }
  if (command.outcome === 'redrawn' && command.shape === undefined) {
    throw new AppError('INVALID_INPUT', `${where}: 'redrawn' needs the new shape`);
  }
  const shape =
    command.outcome === 'redrawn' && command.shape
      ? checkShape(command.shape, ctx.size, where)
      : checkShape(predicted.shape as DraftShape, ctx.size, where);
  const id = linked?.id ?? ctx.nextRegionId();
  doc.regions.set(id, {
    id,
    defectType: command.defectType ?? predicted.defectType,
    shape,
    origin: 'human',
    reviewOutcome: command.outcome,
    predictionRegionId: predicted.id,
  });
  doc.reviews.set(predicted.id, { outcome: command.outcome, regionId: id });
  impliesDefect(doc);
  return plan;
}

/**
 * What the label should look like after a command, checked against the current document. The
 * caller turns the difference into operations; nothing here touches the store.
 */
export function planCommand(ctx: PlanContext, command: LabelCommand): Plan {
  const doc = cloneDoc(ctx.doc);
  const plan = (predictionId: number | null = null): Plan => ({ after: doc, predictionId });
  switch (command.type) {
    case 'setVerdict':
      doc.verdict = command.verdict;
      return plan();
    case 'setSplit':
      doc.split = command.split;
      return plan();
    case 'setText': {
      const level = String(command.level) as keyof LabelDoc['texts'];
      if (command.text === '') delete doc.texts[level];
      else doc.texts[level] = command.text;
      return plan();
    }
    case 'addRegion': {
      const shape = checkShape(command.shape, ctx.size, `${ctx.where}: new ${command.shape.kind} region`);
      const id = ctx.nextRegionId();
      const reviewOutcome = command.missed ? 'missed' : null;
      doc.regions.set(id, {
        id,
        defectType: command.defectType,
        shape,
        origin: 'human',
        reviewOutcome,
        predictionRegionId: null,
      });
      impliesDefect(doc);
      return plan();
    }
    case 'updateRegion': {
      const region = liveRegion(ctx, command.regionId);
      const shape = checkShape(command.shape, ctx.size, `${ctx.where}: region ${region.id}`);
      const judged = region.reviewOutcome === 'confirmed' || region.reviewOutcome === 'retyped';
      const reviewOutcome = region.predictionRegionId !== null && judged ? 'redrawn' : region.reviewOutcome;
      putLinked(doc, { ...region, shape, origin: 'human', reviewOutcome });
      return plan(predictionOf(ctx, region));
    }
    case 'retypeRegion': {
      const region = liveRegion(ctx, command.regionId);
      const judged = region.reviewOutcome === 'confirmed';
      const reviewOutcome = region.predictionRegionId !== null && judged ? 'retyped' : region.reviewOutcome;
      putLinked(doc, { ...region, defectType: command.defectType, origin: 'human', reviewOutcome });
      return plan(predictionOf(ctx, region));
    }
    case 'deleteRegion': {
      const region = liveRegion(ctx, command.regionId);
      doc.regions.delete(region.id);
      // Deleting the region made from a predicted one takes back that verdict too.
      const linked = region.predictionRegionId;
      if (linked !== null && doc.reviews.get(linked)?.regionId === region.id) doc.reviews.delete(linked);
      return plan(predictionOf(ctx, region));
    }
    case 'reviewPrediction':
      return reviewPrediction(ctx, doc, command);
  }
}
