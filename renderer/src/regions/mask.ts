import type { MaskShape } from '../../../electron/contract';
import { maskCanvas } from './maskCanvas';
import { resizedMask } from './maskResize';
import { decodeMask, maskArea } from './rle';
import { rgba } from './style';
import type { Rect, RegionKind } from './types';

// Decoded once per stored mask (shapes from the store are never mutated, only replaced).
const bitsCache = new WeakMap<MaskShape, Uint8Array>();
const canvasCache = new WeakMap<MaskShape, Map<string, HTMLCanvasElement>>();

export function maskBits(shape: MaskShape): Uint8Array {
  let bits = bitsCache.get(shape);
  if (!bits) bitsCache.set(shape, (bits = decodeMask(shape)));
  return bits;
}

function canvasFor(shape: MaskShape, color: string): HTMLCanvasElement {
  let byColor = canvasCache.get(shape);
  if (!byColor) canvasCache.set(shape, (byColor = new Map()));
  let canvas = byColor.get(color);
  if (!canvas) byColor.set(color, (canvas = maskCanvas(shape, color)));
  return canvas;
}

const bounds = (s: MaskShape): Rect => ({ x: s.x, y: s.y, w: s.w, h: s.h });

export const mask: RegionKind<MaskShape> = {
  kind: 'mask',
  bounds,
  area: (s) => maskArea(s),
  contains(s, [px, py], tolerance) {
    const bits = maskBits(s);
    // A little slack around thin strokes, but never more than a few pixels of search.
    const r = Math.min(3, Math.ceil(tolerance));
    const cx = Math.floor(px) - s.x;
    const cy = Math.floor(py) - s.y;
    for (let y = Math.max(0, cy - r); y <= Math.min(s.h - 1, cy + r); y++) {
      for (let x = Math.max(0, cx - r); x <= Math.min(s.w - 1, cx + r); x++) {
        if (bits[y * s.w + x]) return true;
      }
    }
    return false;
  },
  translate: (s, dx, dy) => ({ ...s, x: s.x + Math.round(dx), y: s.y + Math.round(dy) }),
  resize: resizedMask,
  trace: null,
  draw(ctx, s, look) {
    ctx.setAttr('globalAlpha', look.alpha);
    ctx.drawImage(canvasFor(s, look.color), s.x, s.y, s.w, s.h);
    ctx.setAttr('globalAlpha', 1);
    if (!look.dash) return;
    ctx.beginPath();
    ctx.rect(s.x, s.y, s.w, s.h);
    ctx.setAttr('strokeStyle', rgba(look.color, look.alpha));
    ctx.setAttr('lineWidth', look.lineWidth);
    ctx.setLineDash(look.dash);
    ctx.stroke();
    ctx.setLineDash([]);
  },
  problem(s, size) {
    if (s.w <= 0 || s.h <= 0 || maskArea(s) === 0) return 'the mask is empty (no pixel is set)';
    if (s.x < 0 || s.y < 0 || s.x + s.w > size.width || s.y + s.h > size.height)
      return `the mask reaches outside the ${size.width}×${size.height} image`;
    return null;
  },
  toDraft: (s) => ({ kind: 'mask', x: s.x, y: s.y, w: s.w, h: s.h, rle: [...s.rle] }),
};
