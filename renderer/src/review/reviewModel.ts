import type { Shape } from '../../../electron/contract';
import type {
  LabelCommand,
  LabelRegion,
  LabelState,
  PredictionReview,
  PredictionView,
} from '../../../electron/contract/review';
import type { Selection } from '../tools/types';

export type PredictedRegion = PredictionView['regions'][number];

/** The model's output as the reviewer may see it: none for a blind audit. */
export const visiblePrediction = (state: LabelState, audit: boolean): PredictionView | null =>
  audit ? null : state.prediction;

export function reviewOf(state: LabelState, predictionRegionId: number): PredictionReview | undefined {
  return state.predictionReviews.find((r) => r.predictionRegionId === predictionRegionId);
}

/** The label region a judged prediction became (confirmed, retyped, redrawn), if any. */
export function linkedRegion(state: LabelState, predictionRegionId: number): LabelRegion | undefined {
  const id = reviewOf(state, predictionRegionId)?.regionId;
  return id == null ? undefined : state.regions.find((r) => r.id === id);
}

/** Regions listed on their own: those not standing for a predicted region of the current prediction. */
export function ownRegions(state: LabelState, audit: boolean): LabelRegion[] {
  const prediction = visiblePrediction(state, audit);
  const shown = new Set((prediction?.regions ?? []).map((p) => linkedRegion(state, p.id)?.id));
  return state.regions.filter((r) => !shown.has(r.id));
}

/** Everything Tab walks, in panel order: predicted regions, then the label's own regions. */
export function selectableItems(state: LabelState, audit: boolean): Selection[] {
  const predictions = visiblePrediction(state, audit)?.regions ?? [];
  return [
    ...predictions.map((p): Selection => ({ kind: 'prediction', id: p.id })),
    ...ownRegions(state, audit).map((r): Selection => ({ kind: 'region', id: r.id })),
  ];
}

export function predictedRegion(state: LabelState, id: number): PredictedRegion | undefined {
  return state.prediction?.regions.find((p) => p.id === id);
}

/** The shape an edit of the selection starts from: a judged prediction edits the region it became. */
export function editableOf(
  state: LabelState,
  selection: Selection | null,
): { target: Selection; shape: Shape } | null {
  if (!selection) return null;
  if (selection.kind === 'region') {
    const region = state.regions.find((r) => r.id === selection.id);
    return region ? { target: selection, shape: region.shape } : null;
  }
  const predicted = predictedRegion(state, selection.id);
  if (!predicted) return null;
  return { target: selection, shape: linkedRegion(state, selection.id)?.shape ?? predicted.shape };
}

export const undecided = (state: LabelState, audit: boolean): PredictedRegion[] =>
  (visiblePrediction(state, audit)?.regions ?? []).filter((p) => !reviewOf(state, p.id));

export function confirmCommand(state: LabelState, id: number): LabelCommand | null {
  const linked = linkedRegion(state, id);
  const predicted = predictedRegion(state, id);
  if (!predicted) return null;
  // Confirming again after a retype puts the predicted type back.
  if (linked && linked.defectType === predicted.defectType && reviewOf(state, id)?.outcome === 'confirmed')
    return null;
  return { type: 'reviewPrediction', predictionRegionId: predicted.id, outcome: 'confirmed' };
}

export function falsePositiveCommand(state: LabelState, id: number): LabelCommand | null {
  if (!predictedRegion(state, id) || reviewOf(state, id)?.outcome === 'false_positive') return null;
  return {
    type: 'reviewPrediction',
    predictionRegionId: predictedRegion(state, id)!.id,
    outcome: 'false_positive',
  };
}

/** 1–9 or the picker on a selection: a region is retyped; a predicted region is judged retyped. */
export function retypeCommand(
  state: LabelState,
  selection: Selection,
  defectType: string,
): LabelCommand | null {
  if (selection.kind === 'region') {
    const region = state.regions.find((r) => r.id === selection.id);
    if (!region || region.defectType === defectType) return null;
    return { type: 'retypeRegion', regionId: region.id, defectType };
  }
  const predicted = predictedRegion(state, selection.id);
  if (!predicted) return null;
  const linked = linkedRegion(state, selection.id);
  if (linked)
    return linked.defectType === defectType
      ? null
      : { type: 'retypeRegion', regionId: linked.id, defectType };
  if (predicted.defectType === defectType)
    return { type: 'reviewPrediction', predictionRegionId: predicted.id, outcome: 'confirmed' };
  return { type: 'reviewPrediction', predictionRegionId: predicted.id, outcome: 'retyped', defectType };
}

/** A new shape for the selection: a region is updated; a predicted region is judged redrawn. */
export function reshapeCommand(state: LabelState, target: Selection, shape: Shape): LabelCommand | null {
  if (target.kind === 'region') return { type: 'updateRegion', regionId: target.id, shape };
  const linked = linkedRegion(state, target.id);
  if (linked) return { type: 'updateRegion', regionId: linked.id, shape };
  if (!predictedRegion(state, target.id)) return null;
  return { type: 'reviewPrediction', predictionRegionId: target.id, outcome: 'redrawn', shape };
}

/** Delete: a region is removed; a predicted region cannot be, so it is judged a false positive. */
export function deleteCommand(state: LabelState, target: Selection): LabelCommand | null {
  if (target.kind === 'prediction') return falsePositiveCommand(state, target.id);
  return state.regions.some((r) => r.id === target.id) ? { type: 'deleteRegion', regionId: target.id } : null;
}

/** Every predicted region decided and no verdict given: what the decisions say about the part. */
export function impliedVerdict(state: LabelState): 'OK' | 'NG' {
  return state.regions.length > 0 ? 'NG' : 'OK';
}
