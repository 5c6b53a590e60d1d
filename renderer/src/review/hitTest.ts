import type { Shape } from '../../../electron/contract';
import type { LabelState } from '../../../electron/contract/review';
import { kindOf } from '../regions';
import type { Pt } from '../regions/types';
import { sameSelection, type Selection } from '../tools/types';
import { linkedRegion, visiblePrediction } from './reviewModel';

type Candidate = { target: Selection; shape: Shape; area: number; label: boolean };

/**
 * The region a click means: the selected one if it is under the point (so it can be dragged where
 * it overlaps others), else the smallest (a small defect inside a big one stays reachable); on a
 * tie, the label before the prediction. A label region that a predicted one became selects that
 * prediction, so the panel shows one row for both.
 */
export function hitTest(
  state: LabelState,
  view: { audit: boolean; showLabels: boolean; selected?: Selection | null },
  p: Pt,
  tolerance: number,
): { target: Selection; shape: Shape } | null {
  const prediction = visiblePrediction(state, view.audit);
  const becameOf = new Map<number, number>();
  for (const predicted of prediction?.regions ?? []) {
    const linked = linkedRegion(state, predicted.id);
    if (linked) becameOf.set(linked.id, predicted.id);
  }
  const candidates: Candidate[] = [];
  if (view.showLabels) {
    for (const region of state.regions) {
      const kind = kindOf(region.shape);
      if (!kind.contains(region.shape, p, tolerance)) continue;
      const predicted = becameOf.get(region.id);
      const target: Selection =
        predicted === undefined
          ? { kind: 'region', id: region.id }
          : ({ kind: 'prediction', id: predicted } as Selection);
      candidates.push({ target, shape: region.shape, area: kind.area(region.shape), label: true });
    }
  }
  for (const predicted of prediction?.regions ?? []) {
    const kind = kindOf(predicted.shape);
    if (!kind.contains(predicted.shape, p, tolerance)) continue;
    const shape = linkedRegion(state, predicted.id)?.shape ?? predicted.shape;
    candidates.push({
      target: { kind: 'prediction', id: predicted.id },
      shape,
      area: kind.area(predicted.shape),
      label: false,
    });
  }
  candidates.sort((a, b) => a.area - b.area || Number(b.label) - Number(a.label));
  const best = candidates.find((c) => sameSelection(c.target, view.selected ?? null)) ?? candidates[0];
  return best ? { target: best.target, shape: best.shape } : null;
}
