import type { BoxShape } from '../../../electron/contract';
import { boxFromCorners } from '../regions/box';
import type { Pt, Size } from '../regions/types';
import { addCommand } from './commit';
import { clampToImage, type ToolCommand, type ToolContext, type ToolEvent } from './types';

export type BoxToolState = { kind: 'idle' } | { kind: 'dragging'; from: Pt; to: Pt };

export const boxIdle: BoxToolState = { kind: 'idle' };

/** Corners snap to the pixel grid: a box covers whole pixels of the part. */
const snap = (p: Pt, image: Size): Pt => clampToImage([Math.round(p[0]), Math.round(p[1])], image);

/** The box being dragged, for the preview. */
export function boxPreview(state: BoxToolState): BoxShape | null {
  return state.kind === 'dragging' ? boxFromCorners(state.from, state.to) : null;
}

/** R: press at one corner, drag to the other, release to add the box. Esc drops it. */
export function boxTool(
  state: BoxToolState,
  event: ToolEvent,
  ctx: ToolContext,
): [BoxToolState, ToolCommand[]] {
  if (state.kind === 'idle') {
    if (event.type !== 'down') return [state, []];
    const at = snap(event.p, ctx.image);
    return [{ kind: 'dragging', from: at, to: at }, []];
  }
  switch (event.type) {
    case 'move':
      return [{ ...state, to: snap(event.p, ctx.image) }, []];
    case 'up': {
      const box = boxFromCorners(state.from, snap(event.p, ctx.image));
      if (box.w === 0 && box.h === 0)
        return [boxIdle, [{ kind: 'refuse', message: 'Box not added: drag from one corner to the other.' }]];
      return [boxIdle, [addCommand(box, ctx.image)]];
    }
    case 'key':
      return event.key === 'Escape' ? [boxIdle, []] : [state, []];
    default:
      return [state, []];
  }
}
