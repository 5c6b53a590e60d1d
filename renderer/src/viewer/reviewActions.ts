import type { Verdict } from '../../../electron/contract';
import type { LabelCommand, LabelState } from '../../../electron/contract/review';
import {
  confirmCommand,
  falsePositiveCommand,
  impliedVerdict,
  retypeCommand,
  selectableItems,
  undecided,
} from '../review/reviewModel';
import { useLabels } from '../stores/labelStore';
import { useReview } from '../stores/reviewStore';
import { typesWithKeys } from '../stores/taxonomyStore';
import { showInfo } from '../stores/toastStore';
import { useTool } from '../stores/toolStore';
import { useViewer } from '../stores/viewerStore';
import { sameSelection, type Selection } from '../tools/types';
import { advance } from './navigation';

const hint = (title: string, message = '') => showInfo('viewer', title, message);

/** O / N / U: the image's verdict; in the review queue the next image follows once it is saved. */
export async function setVerdict(verdict: Verdict): Promise<void> {
  // Sent even when the image already has it (imported): the person's decision is what makes it reviewed.
  const saved = await useLabels.getState().apply(() => ({ type: 'setVerdict', verdict }));
  if (saved) advance();
}

/**
 * After a predicted region is decided: the next undecided one is selected; when none is left in
 * the review queue, the image gets the verdict its regions imply (if it has none) and the queue
 * moves on.
 */
async function decided(after: LabelState | null, from: Selection): Promise<void> {
  if (!after) return;
  const { audit } = useLabels.getState();
  const open = undecided(after, audit);
  const items = selectableItems(after, audit);
  const at = items.findIndex((item) => sameSelection(item, from));
  const next = [...items.slice(at + 1), ...items.slice(0, at)].find(
    (item) => item.kind === 'prediction' && open.some((p) => p.id === item.id),
  );
  if (next) {
    useViewer.getState().select(next);
    return;
  }
  if (!useReview.getState().active) return;
  if (after.verdict === null) {
    const verdict = impliedVerdict(after);
    const saved = await useLabels
      .getState()
      .apply((base) => (base.verdict ? null : { type: 'setVerdict', verdict }));
    if (!saved) return;
  }
  advance();
}

async function judge(build: (state: LabelState, selection: Selection) => LabelCommand | null): Promise<void> {
  const selection = useViewer.getState().selection;
  if (selection?.kind !== 'prediction') {
    const { state, audit } = useLabels.getState();
    if (state && undecided(state, audit).length === 0 && !(state.prediction?.regions.length && !audit))
      hint('No predicted region to judge here', 'O, N or U gives the image its verdict.');
    else
      hint(
        'Select a predicted region first',
        'Tab walks the regions; C and X judge the selected prediction.',
      );
    return;
  }
  const after = await useLabels.getState().apply((base) => build(base, selection));
  await decided(after, selection);
}

export const confirmSelected = () => judge((state, sel) => confirmCommand(state, sel.id));
export const falsePositiveSelected = () => judge((state, sel) => falsePositiveCommand(state, sel.id));

/** 1–9: the defect type on that key for this image, for the selection, or for the next region drawn. */
export async function setType(hotkey: string): Promise<void> {
  const type = typesWithKeys().find((t) => t.key === hotkey);
  if (!type) {
    hint(`No defect type on key ${hotkey}`, 'The panel’s type chips show which types have keys.');
    return;
  }
  await retypeTo(type.name);
}

export async function retypeTo(name: string): Promise<void> {
  const selection = useViewer.getState().selection;
  if (!selection) {
    useTool.getState().set({ drawType: name });
    hint(`Next region: ${name}`);
    return;
  }
  useTool.getState().set({ drawType: name });
  const after = await useLabels.getState().apply((base) => retypeCommand(base, selection, name));
  if (selection.kind === 'prediction') await decided(after, selection);
}

/** Tab / Shift+Tab through the predicted regions, then the label's own. */
export function cycleSelection(delta: number): Selection | null {
  const { state, audit } = useLabels.getState();
  if (!state) return null;
  const items = selectableItems(state, audit);
  if (!items.length) return null;
  const at = items.findIndex((item) => sameSelection(item, useViewer.getState().selection));
  const next =
    items[at < 0 ? (delta > 0 ? 0 : items.length - 1) : (at + delta + items.length) % items.length] ?? null;
  useViewer.getState().select(next);
  return next;
}

/** "+ missed" or M: the next region drawn is a defect the model missed; again cancels it. */
export function toggleMissed(): void {
  const tool = useTool.getState();
  if (tool.missed) {
    tool.cancelMissed();
    return;
  }
  tool.armMissed();
  useViewer.getState().select(null);
}

/** A new image opens with its first undecided prediction selected, so C or X is the only key needed. */
export function selectFirstUndecided(sampleId: number): void {
  const { state, audit } = useLabels.getState();
  const viewer = useViewer.getState();
  if (!state || state.sampleId !== sampleId || viewer.sampleId !== sampleId || viewer.selection) return;
  const first = undecided(state, audit)[0];
  if (first) viewer.select({ kind: 'prediction', id: first.id });
}
