import type { LabelState } from '../../../electron/contract/review';
import { linkedRegion } from '../review/reviewModel';
import type { Machine } from '../tools/machine';
import { selectPreview } from '../tools/selectTool';
import type { Selection } from '../tools/types';

/** The selection being reshaped right now (a drag, a brush stroke, an edit waiting for the store). */
function editedTarget(machine: Machine, pending: { target: Selection | null } | null): Selection | null {
  if (pending?.target) return pending.target;
  if (machine.tool === 'select') return selectPreview(machine.state)?.target ?? null;
  if ((machine.tool === 'brush' || machine.tool === 'eraser') && machine.state.kind === 'painting')
    return machine.state.target;
  return null;
}

/** The label region the UI layer draws instead of the labels layer while it is being edited. */
export function hiddenRegion(
  state: LabelState | null,
  machine: Machine,
  pending: { target: Selection | null } | null,
): number | null {
  const target = editedTarget(machine, pending);
  if (!state || !target) return null;
  if (target.kind === 'region') return target.id;
  return linkedRegion(state, target.id)?.id ?? null;
}

/** The label region and the predicted region to draw as selected. */
export function selectedIds(
  state: LabelState | null,
  selection: Selection | null,
): { region: number | null; prediction: number | null } {
  if (!state || !selection) return { region: null, prediction: null };
  if (selection.kind === 'region') return { region: selection.id, prediction: null };
  return { region: linkedRegion(state, selection.id)?.id ?? null, prediction: selection.id };
}
