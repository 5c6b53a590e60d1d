import type { PolygonShape, Shape } from '../../../electron/contract';
import { kindOf } from '../regions';
import { edgeAt, movedVertex, vertexAt, withoutVertex, withVertex } from '../regions/polygon';
import type { Pt, Size } from '../regions/types';
import { updateCommand } from './commit';
import {
  clampToImage,
  HANDLE_PX,
  sameSelection,
  type Selection,
  type ToolCommand,
  type ToolContext,
  type ToolEvent,
} from './types';

/** A press becomes a move only after this many screen pixels, so a click never nudges a region. */
const DRAG_PX = 3;

export type SelectToolState =
  /** `vertex`: the polygon corner last clicked (Delete removes it). */
  | { kind: 'idle'; vertex: { target: Selection; index: number } | null }
  | { kind: 'pressing'; target: Selection; original: Shape; start: Pt }
  | { kind: 'moving'; target: Selection; original: Shape; start: Pt; current: Shape }
  | { kind: 'vertex'; target: Selection; original: PolygonShape; index: number; current: PolygonShape }
  /** The resize handles are being dragged: `current` is drawn live in place of the stored shape. */
  | { kind: 'resizing'; target: Selection; current: Shape };

export const selectIdle: SelectToolState = { kind: 'idle', vertex: null };

/** The shape being moved or reshaped, in place of the stored one, for the preview. */
export function selectPreview(state: SelectToolState): { target: Selection; shape: Shape } | null {
  if (state.kind === 'moving' || state.kind === 'vertex' || state.kind === 'resizing')
    return { target: state.target, shape: state.current };
  return null;
}

/** The translation, held back so the region's bounds stay inside the image. */
function keptInside(shape: Shape, dx: number, dy: number, image: Size): [number, number] {
  const b = kindOf(shape).bounds(shape);
  const x = Math.min(image.width - b.w, Math.max(0, b.x + dx)) - b.x;
  const y = Math.min(image.height - b.h, Math.max(0, b.y + dy)) - b.y;
  return shape.kind === 'mask' ? [Math.round(x), Math.round(y)] : [x, y];
}

/** One arrow-key step: the region moved, or its right/bottom edge moved (never below 1 px, never outside). */
function nudged(
  edit: { target: Selection; shape: Shape },
  { dx, dy, resize }: { dx: number; dy: number; resize: boolean },
  image: Size,
): ToolCommand {
  const kind = kindOf(edit.shape);
  if (!resize) {
    const [mx, my] = keptInside(edit.shape, dx, dy, image);
    return updateCommand(edit.target, kind.translate(edit.shape, mx, my), image);
  }
  const b = kind.bounds(edit.shape);
  const w = Math.min(image.width - b.x, Math.max(1, b.w + dx));
  const h = Math.min(image.height - b.y, Math.max(1, b.h + dy));
  return updateCommand(edit.target, kind.resize(edit.shape, { x: b.x, y: b.y, w, h }), image);
}

function removeVertex(target: Selection, shape: PolygonShape, index: number, image: Size): ToolCommand {
  if (shape.points.length <= 3)
    return {
      kind: 'refuse',
      message: 'Point not removed: a polygon needs at least 3 points (Delete the region instead).',
    };
  return updateCommand(target, withoutVertex(shape, index), image);
}

function press(
  event: Extract<ToolEvent, { type: 'down' }>,
  ctx: ToolContext,
): [SelectToolState, ToolCommand[]] {
  const tolerance = HANDLE_PX / event.scale;
  const edit = ctx.editable;
  if (edit?.shape.kind === 'polygon') {
    const index = vertexAt(edit.shape.points, event.p, tolerance);
    if (index >= 0 && event.alt)
      return [selectIdle, [removeVertex(edit.target, edit.shape, index, ctx.image)]];
    if (index >= 0) {
      const state = {
        kind: 'vertex',
        target: edit.target,
        original: edit.shape,
        index,
        current: edit.shape,
      } as const;
      return [state, []];
    }
  }
  const hit = ctx.hitTest(event.p, tolerance);
  if (!hit) return [selectIdle, [{ kind: 'select', selection: null }]];
  const pressing: SelectToolState = {
    kind: 'pressing',
    target: hit.target,
    original: hit.shape,
    start: event.p,
  };
  if (edit && sameSelection(hit.target, edit.target)) return [pressing, []];
  return [pressing, [{ kind: 'select', selection: hit.target }]];
}

/**
 * V: click selects (the smallest region under the pointer), dragging the selected region moves
 * it; on a polygon, drag a corner to move it, Alt-click or Delete removes it, double-click an
 * edge adds one. Box and mask corners and sides are resized with the handles (`transformed`).
 * Arrow keys (`nudge`) move the selected region or, with `resize`, its right and bottom edges.
 */
export function selectTool(
  state: SelectToolState,
  event: ToolEvent,
  ctx: ToolContext,
): [SelectToolState, ToolCommand[]] {
  switch (event.type) {
    case 'down':
      return state.kind === 'idle' ? press(event, ctx) : [state, []];
    case 'move': {
      if (state.kind === 'vertex') {
        const current = movedVertex(state.original, state.index, clampToImage(event.p, ctx.image));
        return [{ ...state, current }, []];
      }
      if (state.kind !== 'pressing' && state.kind !== 'moving') return [state, []];
      const dx = event.p[0] - state.start[0];
      const dy = event.p[1] - state.start[1];
      if (state.kind === 'pressing' && Math.hypot(dx, dy) * event.scale < DRAG_PX) return [state, []];
      const [mx, my] = keptInside(state.original, dx, dy, ctx.image);
      const current = kindOf(state.original).translate(state.original, mx, my);
      return [
        { kind: 'moving', target: state.target, original: state.original, start: state.start, current },
        [],
      ];
    }
    case 'up':
      if (state.kind === 'moving')
        return [selectIdle, [updateCommand(state.target, state.current, ctx.image)]];
      if (state.kind === 'vertex') {
        const vertex = { target: state.target, index: state.index };
        const moved = state.current.points[state.index] !== state.original.points[state.index];
        return [
          { kind: 'idle', vertex },
          moved ? [updateCommand(state.target, state.current, ctx.image)] : [],
        ];
      }
      return [state.kind === 'pressing' ? selectIdle : state, []];
    case 'dblclick': {
      const edit = ctx.editable;
      if (state.kind !== 'idle' || edit?.shape.kind !== 'polygon') return [state, []];
      const tolerance = HANDLE_PX / event.scale;
      if (vertexAt(edit.shape.points, event.p, tolerance) >= 0) return [state, []];
      const edge = edgeAt(edit.shape.points, event.p, tolerance);
      if (edge < 0) return [state, []];
      const added = withVertex(edit.shape, edge, clampToImage(event.p, ctx.image));
      return [
        { kind: 'idle', vertex: { target: edit.target, index: edge + 1 } },
        [updateCommand(edit.target, added, ctx.image)],
      ];
    }
    case 'nudge':
      return state.kind === 'idle' && ctx.editable
        ? [state, [nudged(ctx.editable, event, ctx.image)]]
        : [state, []];
    case 'transforming':
      return ctx.editable && (state.kind === 'idle' || state.kind === 'resizing')
        ? [{ kind: 'resizing', target: ctx.editable.target, current: event.shape }, []]
        : [state, []];
    case 'transformed':
      return ctx.editable
        ? [selectIdle, [updateCommand(ctx.editable.target, event.shape, ctx.image)]]
        : [state, []];
    case 'key': {
      if (event.key === 'Escape')
        return [selectIdle, state.kind === 'idle' ? [{ kind: 'select', selection: null }] : []];
      if (event.key !== 'Delete' && event.key !== 'Backspace') return [state, []];
      const edit = ctx.editable;
      if (!edit) return [state, []];
      const vertex = state.kind === 'idle' ? state.vertex : null;
      if (vertex && sameSelection(vertex.target, edit.target) && edit.shape.kind === 'polygon')
        return [selectIdle, [removeVertex(edit.target, edit.shape, vertex.index, ctx.image)]];
      return [selectIdle, [{ kind: 'delete', target: edit.target }]];
    }
  }
}
