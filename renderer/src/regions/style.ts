import { hexToRgb } from '../lib/colors';
import type { DrawContext, Look } from './types';

export function rgba(hex: string, alpha: number): string {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Fills and strokes the path just traced, in the look's colour, width and dash. */
export function paintPath(ctx: DrawContext, look: Look): void {
  if (look.fillAlpha > 0) {
    ctx.setAttr('fillStyle', rgba(look.color, look.fillAlpha * look.alpha));
    ctx.fill();
  }
  ctx.setAttr('strokeStyle', rgba(look.color, look.alpha));
  ctx.setAttr('lineWidth', look.lineWidth);
  ctx.setLineDash(look.dash ?? []);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Rounds to 1/100 px: what a person can place with a pointer, and short in the revision log. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;
