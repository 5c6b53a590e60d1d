import type { MaskShape } from '../../../electron/contract';
import { hexToRgb } from '../lib/colors';
import { decodeMask, maskEdges } from './rle';

const FILL_ALPHA = 90;
const EDGE_ALPHA = 255;

/**
 * Paints a cropped mask once into a canvas of its own size: translucent inside, opaque outline.
 * The labels layer then places it at (x, y); the cost follows the defect's size, not the image's.
 */
export function maskCanvas(mask: MaskShape, color: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = mask.w;
  canvas.height = mask.h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const bits = decodeMask(mask);
  const edges = maskEdges(bits, mask.w, mask.h);
  const [r, g, b] = hexToRgb(color);
  const image = ctx.createImageData(mask.w, mask.h);
  const px = image.data;
  for (let i = 0; i < bits.length; i++) {
    if (!bits[i]) continue;
    const o = i * 4;
    px[o] = r;
    px[o + 1] = g;
    px[o + 2] = b;
    px[o + 3] = edges[i] ? EDGE_ALPHA : FILL_ALPHA;
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}
