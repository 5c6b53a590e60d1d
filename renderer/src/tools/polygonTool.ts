import type { Pt } from '../regions/types';
import { addCommand } from './commit';
import { clampToImage, HANDLE_PX, type ToolCommand, type ToolContext, type ToolEvent } from './types';

export type PolygonToolState = { kind: 'idle' } | { kind: 'drawing'; points: Pt[]; hover: Pt };

export const polygonIdle: PolygonToolState = { kind: 'idle' };

const near = (a: Pt, b: Pt, tolerance: number) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= tolerance;

function close(points: Pt[], ctx: ToolContext): [PolygonToolState, ToolCommand[]] {
  if (points.length < 3) {
    const message = `Polygon not added: it needs at least 3 points, this one has ${points.length}. Esc cancels it.`;
    return [
      { kind: 'drawing', points, hover: points[points.length - 1] ?? [0, 0] },
      [{ kind: 'refuse', message }],
    ];
  }
  return [polygonIdle, [addCommand({ kind: 'polygon', points }, ctx.image)]];
}

/**
 * P: click the corners; Enter, a double-click or a click on the first point closes the outline,
 * Backspace takes back the last point, Esc cancels.
 */
export function polygonTool(
  state: PolygonToolState,
  event: ToolEvent,
  ctx: ToolContext,
): [PolygonToolState, ToolCommand[]] {
  if (state.kind === 'idle') {
    if (event.type !== 'down') return [state, []];
    const at = clampToImage(event.p, ctx.image);
    return [{ kind: 'drawing', points: [at], hover: at }, []];
  }
  switch (event.type) {
    case 'move':
      return [{ ...state, hover: clampToImage(event.p, ctx.image) }, []];
    case 'down': {
      const at = clampToImage(event.p, ctx.image);
      const tolerance = HANDLE_PX / event.scale;
      const first = state.points[0]!;
      if (state.points.length >= 3 && near(at, first, tolerance)) return close(state.points, ctx);
      // The second click of a double-click lands on the point just placed.
      if (near(at, state.points[state.points.length - 1]!, tolerance / 2)) return [state, []];
      return [{ kind: 'drawing', points: [...state.points, at], hover: at }, []];
    }
    case 'dblclick':
      return close(state.points, ctx);
    case 'key':
      if (event.key === 'Enter') return close(state.points, ctx);
      if (event.key === 'Escape') return [polygonIdle, []];
      if (event.key === 'Backspace') {
        const points = state.points.slice(0, -1);
        return [points.length ? { ...state, points } : polygonIdle, []];
      }
      return [state, []];
    default:
      return [state, []];
  }
}
