import type { Shape } from '../../../electron/contract';
import { kindOf } from './index';
import { lookFor, selectedHalo, type RegionStyle } from './look';
import { paintPath } from './style';
import type { DrawContext, Rect } from './types';

/** One region to draw, with its bounds worked out once (not per frame). */
export type BatchItem = { shape: Shape; bounds: Rect; color: string; style: RegionStyle; selected: boolean };

export type BatchContext = DrawContext & {
  arc(x: number, y: number, radius: number, start: number, end: number): void;
};

/** Below this many screen pixels a region is easy to miss, so a ring marks where it is. */
export const SMALL_PX = 20;
const RING_PX = 14;

export function batchItem(shape: Shape, color: string, style: RegionStyle, selected: boolean): BatchItem {
  return { shape, bounds: kindOf(shape).bounds(shape), color, style, selected };
}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return (
    a.x - margin <= b.x + b.w &&
    a.x + a.w + margin >= b.x &&
    a.y - margin <= b.y + b.h &&
    a.y + a.h + margin >= b.y
  );
}

const isSmall = (item: BatchItem, scale: number) => Math.max(item.bounds.w, item.bounds.h) * scale < SMALL_PX;

function traceRing(ctx: BatchContext, bounds: Rect, radius: number): void {
  const cx = bounds.x + bounds.w / 2;
  const cy = bounds.y + bounds.h / 2;
  ctx.moveTo(cx + radius, cy);
  ctx.arc(cx, cy, radius, 0, Math.PI * 2);
}

/** Dashed rings of a fixed screen size around regions too small to see, one path per colour. */
function drawRings(ctx: BatchContext, items: BatchItem[], scale: number): void {
  const byColor = new Map<string, BatchItem[]>();
  for (const item of items) {
    if (!isSmall(item, scale)) continue;
    const list = byColor.get(item.color);
    if (list) list.push(item);
    else byColor.set(item.color, [item]);
  }
  for (const [color, list] of byColor) {
    ctx.beginPath();
    for (const item of list) traceRing(ctx, item.bounds, RING_PX / scale);
    ctx.setLineDash([3 / scale, 3 / scale]);
    ctx.setAttr('strokeStyle', color);
    ctx.setAttr('lineWidth', 1.5 / scale);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** The selected region on top: a light halo under a thicker outline. */
function drawSelected(ctx: BatchContext, item: BatchItem, scale: number): void {
  const kind = kindOf(item.shape);
  if (item.shape.kind !== 'mask') kind.draw(ctx, item.shape, selectedHalo(scale));
  kind.draw(ctx, item.shape, lookFor(item.style, true, item.color, scale));
}

/**
 * Draws many regions in a handful of canvas calls: regions outside `view` are skipped, outlines
 * of one colour and style share one path (one fill, one stroke), masks paint their own bitmap,
 * the selected region comes last. Every width is in screen pixels at `scale`, so panning and
 * zooming only repaint; nothing is rebuilt.
 */
export function drawBatch(ctx: BatchContext, items: readonly BatchItem[], view: Rect, scale: number): void {
  const margin = RING_PX / scale;
  const visible = items.filter((item) => overlaps(item.bounds, view, margin));
  const groups = new Map<string, BatchItem[]>();
  const selected: BatchItem[] = [];
  for (const item of visible) {
    if (item.selected) selected.push(item);
    else if (item.shape.kind === 'mask')
      kindOf(item.shape).draw(ctx, item.shape, lookFor(item.style, false, item.color, scale));
    else {
      const key = `${item.style} ${item.color}`;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    ctx.beginPath();
    for (const item of group) kindOf(item.shape).trace?.(ctx, item.shape);
    paintPath(ctx, lookFor(first.style, false, first.color, scale));
  }
  for (const item of selected) drawSelected(ctx, item, scale);
  drawRings(ctx, visible, scale);
}
