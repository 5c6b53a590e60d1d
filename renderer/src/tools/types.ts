import type { RegionId, Shape } from '../../../electron/contract';
import type { PredictionRegionId } from '../../../electron/contract/review';
import type { Pt, Rect, Size } from '../regions/types';

/** What is selected: a region of the label, or a predicted region of the model. */
export type Selection = { kind: 'region'; id: RegionId } | { kind: 'prediction'; id: PredictionRegionId };

export const sameSelection = (a: Selection | null, b: Selection | null): boolean =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);

/** A pointer event in image pixels; `scale` is screen pixels per image pixel (for tolerances). */
export type ToolPointer = { p: Pt; scale: number; alt: boolean; shift: boolean };

export type ToolEvent =
  | ({ type: 'down' } & ToolPointer)
  | ({ type: 'move' } & ToolPointer)
  | ({ type: 'up' } & ToolPointer)
  | ({ type: 'dblclick' } & ToolPointer)
  | { type: 'key'; key: 'Enter' | 'Escape' | 'Backspace' | 'Delete' }
  /** The resize handles are being dragged: the box or mask as it would stand now (a preview). */
  | { type: 'transforming'; shape: Shape }
  /** The resize handles finished a resize: the box or mask as it now stands. */
  | { type: 'transformed'; shape: Shape }
  /** Arrow keys: move the selected region by (dx, dy) image pixels, or (resize) move its right/bottom edge. */
  | { type: 'nudge'; dx: number; dy: number; resize: boolean };

export type ToolCommand =
  | { kind: 'add'; shape: Shape }
  | { kind: 'update'; target: Selection; shape: Shape }
  | { kind: 'select'; selection: Selection | null }
  | { kind: 'delete'; target: Selection }
  /** A shape the store would refuse (degenerate, outside): said at once, nothing is sent. */
  | { kind: 'refuse'; message: string }
  /** The brush changed pixels of its working mask: the preview repaints that rectangle (null: all). */
  | { kind: 'paint'; rect: Rect | null };

/** What a tool may read about the image and the view when an event arrives. */
export type ToolContext = {
  image: Size;
  /** The selection and the shape an edit of it starts from (a prediction's linked region, if any). */
  editable: { target: Selection; shape: Shape } | null;
  /** The smallest visible region under an image point (tolerance in image pixels), with its editable shape. */
  hitTest(p: Pt, tolerance: number): { target: Selection; shape: Shape } | null;
  /** Brush diameter in image pixels. */
  brushSize: number;
};

/** Screen pixels within which a click counts as on a point or an edge. */
export const HANDLE_PX = 7;

export function clampToImage([x, y]: Pt, image: Size): Pt {
  return [Math.min(image.width, Math.max(0, x)), Math.min(image.height, Math.max(0, y))];
}
