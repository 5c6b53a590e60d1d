import type { DraftShape } from '../../../electron/contract/review';
import type { Shape } from '../../../electron/contract';

export type Pt = [number, number];
export type Rect = { x: number; y: number; w: number; h: number };
export type Size = { width: number; height: number };

/**
 * The canvas calls a region kind makes to draw itself: a subset of both CanvasRenderingContext2D
 * and Konva.Context, so a kind draws in a Konva sceneFunc and in a test's recording fake alike.
 */
export type DrawContext = {
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  setAttr(attr: string, value: unknown): void;
  drawImage(image: CanvasImageSource, x: number, y: number, w?: number, h?: number): void;
};

/** How a region is drawn; widths are in image pixels (the caller divides screen pixels by the zoom). */
export type Look = {
  color: string;
  /** 0..1; 0 draws no fill. */
  fillAlpha: number;
  lineWidth: number;
  /** Dash pattern in image pixels, or null for a solid line (predictions are dashed). */
  dash: number[] | null;
  /** Whole-region opacity (decided predictions are drawn faint). */
  alpha: number;
};

/** One module per region kind: geometry, hit test, drawing and serialisation in one place. */
export type RegionKind<S extends Shape> = {
  kind: S['kind'];
  bounds(shape: S): Rect;
  area(shape: S): number;
  /** Hit test: is `p` on the region, or within `tolerance` image pixels of its outline? */
  contains(shape: S, p: Pt, tolerance: number): boolean;
  translate(shape: S, dx: number, dy: number): S;
  /** The same region stretched to fill `to` (its bounds become `to`): resize handles and keys. */
  resize(shape: S, to: Rect): S;
  draw(ctx: DrawContext, shape: S, look: Look): void;
  /**
   * Adds the outline to the current path without painting it, so many regions of one look are
   * filled and stroked in one call; null for kinds that paint pixels (masks).
   */
  trace: ((ctx: DrawContext, shape: S) => void) | null;
  /** Why the shape cannot be stored on an image of `size` (degenerate, outside), or null. */
  problem(shape: S, size: Size): string | null;
  /** The shape as the API takes it, with coordinates rounded the way the store keeps them. */
  toDraft(shape: S): DraftShape;
};
