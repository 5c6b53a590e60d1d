import type { Shape } from '../../../electron/contract';
import type { LabelState } from '../../../electron/contract/review';
import { hitTest } from '../review/hitTest';
import { deleteCommand, editableOf, reshapeCommand } from '../review/reviewModel';
import { useLabels } from '../stores/labelStore';
import { showInfo } from '../stores/toastStore';
import { useTool } from '../stores/toolStore';
import { useViewer } from '../stores/viewerStore';
import { stepMachine } from '../tools/machine';
import {
  sameSelection,
  type Selection,
  type ToolCommand,
  type ToolContext,
  type ToolEvent,
} from '../tools/types';
import { emitPaint } from './paintSignal';

/** What the tools may read, from the stores as they are now; null while no image is ready. */
export function toolContext(): ToolContext | null {
  const { state, audit } = useLabels.getState();
  const { detail, selection, showLabels } = useViewer.getState();
  if (!state || !detail || state.sampleId !== detail.id) return null;
  const editable = editableOf(state, audit && selection?.kind === 'prediction' ? null : selection);
  // An edit still on its way to the store is the shape the next edit starts from (a held arrow key).
  const { pending } = useTool.getState();
  const inFlight = pending?.target && editable && sameSelection(pending.target, editable.target);
  return {
    image: { width: detail.width, height: detail.height },
    editable: inFlight ? { ...editable, shape: pending.shape } : editable,
    hitTest: (p, tolerance) => hitTest(state, { audit, showLabels, selected: selection }, p, tolerance),
    brushSize: useTool.getState().brushSize,
  };
}

/** Forwards one event to the active tool and carries out what it asks; false when nothing happened. */
export function dispatchTool(event: ToolEvent): boolean {
  const ctx = toolContext();
  if (!ctx) return false;
  const { machine, setMachine } = useTool.getState();
  const [next, commands] = stepMachine(machine, event, ctx);
  if (next !== machine) setMachine(next);
  runCommands(commands);
  return next !== machine || commands.length > 0;
}

const newRegionId = (before: LabelState, after: LabelState) =>
  after.regions.find((r) => !before.regions.some((b) => b.id === r.id))?.id;

async function add(shape: Shape): Promise<void> {
  const { drawType, missed, set } = useTool.getState();
  set({ pending: { target: null, shape }, missed: false });
  const seen: { before?: LabelState } = {};
  const after = await useLabels.getState().apply((base) => {
    seen.before = base;
    return { type: 'addRegion', defectType: drawType, shape, ...(missed ? { missed: true } : {}) };
  });
  set({ pending: null });
  const id = seen.before && after ? newRegionId(seen.before, after) : undefined;
  if (id !== undefined) useViewer.getState().select({ kind: 'region', id });
}

async function reshape(target: Selection, shape: Shape): Promise<void> {
  const mine = { target, shape };
  useTool.getState().set({ pending: mine });
  await useLabels.getState().apply((base) => reshapeCommand(base, target, shape));
  // A held arrow key queues edits faster than they are saved: only the newest edit's answer
  // ends the pending shape, else the next step would start from an older one and be lost.
  if (useTool.getState().pending === mine) useTool.getState().set({ pending: null });
}

function refuse(message: string): void {
  const [title, ...rest] = message.split(': ');
  showInfo('viewer', title ?? message, rest.join(': '));
}

export function runCommands(commands: ToolCommand[]): void {
  for (const command of commands) {
    switch (command.kind) {
      case 'select':
        useViewer.getState().select(command.selection);
        break;
      case 'refuse':
        refuse(command.message);
        break;
      case 'paint':
        emitPaint(command.rect);
        break;
      case 'add':
        void add(command.shape);
        break;
      case 'update':
        void reshape(command.target, command.shape);
        break;
      case 'delete': {
        const target = command.target;
        void useLabels.getState().apply((base) => deleteCommand(base, target));
        if (target.kind === 'region') useViewer.getState().select(null);
        break;
      }
    }
  }
}
