import type { Camera } from '../lib/readout';

export type Size = { width: number; height: number };
export type Rect = { x: number; y: number; w: number; h: number };

export const MIN_SCALE = 0.01;
export const MAX_SCALE = 64;
/** From this zoom on, each image pixel is big enough to outline. */
export const PIXEL_GRID_SCALE = 8;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The whole rectangle in view, centred, with a margin of screen pixels around it. */
export function frameRect(view: Size, rect: Rect, margin = 16, maxScale = MAX_SCALE): Camera {
  const w = Math.max(1, view.width - margin * 2);
  const h = Math.max(1, view.height - margin * 2);
  const scale = clamp(Math.min(w / Math.max(1, rect.w), h / Math.max(1, rect.h)), MIN_SCALE, maxScale);
  return {
    scale,
    x: view.width / 2 - (rect.x + rect.w / 2) * scale,
    y: view.height / 2 - (rect.y + rect.h / 2) * scale,
  };
}

export function fit(view: Size, image: Size): Camera {
  return frameRect(view, { x: 0, y: 0, w: image.width, h: image.height });
}

/** Scales about a screen point, so the image pixel under the cursor stays under the cursor. */
export function zoomAt(camera: Camera, factor: number, px: number, py: number): Camera {
  const scale = clamp(camera.scale * factor, MIN_SCALE, MAX_SCALE);
  const k = scale / camera.scale;
  return { scale, x: px - (px - camera.x) * k, y: py - (py - camera.y) * k };
}

export function zoomTo(camera: Camera, scale: number, px: number, py: number): Camera {
  return zoomAt(camera, scale / camera.scale, px, py);
}

export function toImage(camera: Camera, sx: number, sy: number): [number, number] {
  return [(sx - camera.x) / camera.scale, (sy - camera.y) / camera.scale];
}

/** Wheel delta → zoom factor; line and page deltas are turned into pixels first. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-clamp(pixels, -400, 400) * 0.002);
}
