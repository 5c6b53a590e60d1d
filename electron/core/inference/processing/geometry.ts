import type { Point } from '../../../contract/geometry';

/**
 * How a source image was placed into the model input: scaled by (sx, sy) to newWidth×newHeight
 * and pasted at (padX, padY). Undoing it maps model-input pixels back to source pixels.
 */
export type Geometry = {
  sourceWidth: number;
  sourceHeight: number;
  width: number;
  height: number;
  newWidth: number;
  newHeight: number;
  sx: number;
  sy: number;
  padX: number;
  padY: number;
};

export type ResizeSpec = { mode: 'stretch' | 'letterbox'; width: number; height: number };

/** Ultralytics' letterbox arithmetic (the −0.1 keeps .5 from rounding differently per side). */
export function geometryFor(sourceWidth: number, sourceHeight: number, resize: ResizeSpec): Geometry {
  const { width, height } = resize;
  if (resize.mode === 'stretch') {
    const sx = width / sourceWidth;
    const sy = height / sourceHeight;
    return {
      sourceWidth,
      sourceHeight,
      width,
      height,
      newWidth: width,
      newHeight: height,
      sx,
      sy,
      padX: 0,
      padY: 0,
    };
  }
  const r = Math.min(width / sourceWidth, height / sourceHeight);
  const newWidth = Math.max(1, Math.round(sourceWidth * r));
  const newHeight = Math.max(1, Math.round(sourceHeight * r));
  const padX = Math.max(0, Math.round((width - newWidth) / 2 - 0.1));
  const padY = Math.max(0, Math.round((height - newHeight) / 2 - 0.1));
  return {
    sourceWidth,
    sourceHeight,
    width,
    height,
    newWidth,
    newHeight,
    sx: newWidth / sourceWidth,
    sy: newHeight / sourceHeight,
    padX,
    padY,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** A model-input point (continuous pixel-edge coordinates) in source pixels, clipped to the image. */
export function inputToSource(g: Geometry, x: number, y: number): Point {
  return [clamp((x - g.padX) / g.sx, 0, g.sourceWidth), clamp((y - g.padY) / g.sy, 0, g.sourceHeight)];
}

/** An x1,y1,x2,y2 model-input box as a source-pixel box, clipped to the image. */
export function inputBoxToSource(
  g: Geometry,
  box: readonly number[],
): { x: number; y: number; w: number; h: number } {
  const [x1, y1] = inputToSource(g, box[0]!, box[1]!);
  const [x2, y2] = inputToSource(g, box[2]!, box[3]!);
  return { x: x1, y: y1, w: Math.max(0, x2 - x1), h: Math.max(0, y2 - y1) };
}

/** Source pixels covered by one model-input pixel (undoes the resize for areas). */
export function sourcePixelsPerInputPixel(g: Geometry): number {
  return 1 / (g.sx * g.sy);
}
