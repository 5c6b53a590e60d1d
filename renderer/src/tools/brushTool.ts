import type { Pt } from '../regions/types';
import { addCommand, updateCommand } from './commit';
import { MaskBuffer } from './maskBuffer';
import type { Selection, ToolCommand, ToolContext, ToolEvent } from './types';

export type BrushMode = 'paint' | 'erase';

export type BrushToolState =
  | { kind: 'idle' }
  /** `target` null: the stroke makes a new mask region. The buffer is the working bitmap. */
  | { kind: 'painting'; mode: BrushMode; target: Selection | null; buffer: MaskBuffer; last: Pt };

export const brushIdle: BrushToolState = { kind: 'idle' };

function start(mode: BrushMode, p: Pt, ctx: ToolContext): [BrushToolState, ToolCommand[]] {
  const edit = ctx.editable?.shape.kind === 'mask' ? ctx.editable : null;
  if (mode === 'erase' && !edit) {
    const message = 'Nothing erased: select a mask region first (the eraser works on masks only).';
    return [brushIdle, [{ kind: 'refuse', message }]];
  }
  const buffer =
    edit && edit.shape.kind === 'mask' ? MaskBuffer.from(edit.shape, ctx.image) : new MaskBuffer(ctx.image);
  const changed = buffer.stroke(p, p, ctx.brushSize / 2, mode === 'paint' ? 1 : 0);
  const state: BrushToolState = { kind: 'painting', mode, target: edit?.target ?? null, buffer, last: p };
  return [state, changed ? [{ kind: 'paint', rect: changed }] : []];
}

function finish(state: Extract<BrushToolState, { kind: 'painting' }>, ctx: ToolContext): ToolCommand[] {
  const shape = state.buffer.toShape();
  if (!shape) {
    if (!state.target) return [];
    return [
      {
        kind: 'refuse',
        message: 'Mask not changed: erasing would leave it empty. Delete removes the region.',
      },
    ];
  }
  return [state.target ? updateCommand(state.target, shape, ctx.image) : addCommand(shape, ctx.image)];
}

/**
 * B paints into the selected mask region (or a new one), E erases from it. The stroke goes into
 * a cropped working bitmap that grows as it is painted; pointer-up commits it as one mask.
 */
export function brushTool(
  state: BrushToolState,
  event: ToolEvent,
  ctx: ToolContext,
  mode: BrushMode,
): [BrushToolState, ToolCommand[]] {
  if (state.kind === 'idle') return event.type === 'down' ? start(mode, event.p, ctx) : [state, []];
  switch (event.type) {
    case 'move': {
      const changed = state.buffer.stroke(
        state.last,
        event.p,
        ctx.brushSize / 2,
        state.mode === 'paint' ? 1 : 0,
      );
      return [{ ...state, last: event.p }, changed ? [{ kind: 'paint', rect: changed }] : []];
    }
    case 'up':
      return [brushIdle, finish(state, ctx)];
    case 'key':
      return event.key === 'Escape' ? [brushIdle, [{ kind: 'paint', rect: null }]] : [state, []];
    default:
      return [state, []];
  }
}
