import type { Rect } from '../regions/types';
import { TILE, type MaskBuffer } from '../tools/maskBuffer';

const ALPHA = 150;

/**
 * Canvases mirroring the brush buffer's tiles, made when a stroke first reaches a tile and
 * repainted only where a pointer event changed pixels: no event ever touches the whole stroke.
 */
export class BrushTiles {
  readonly canvases = new Map<string, { x: number; y: number; canvas: HTMLCanvasElement }>();

  constructor(
    readonly buffer: MaskBuffer,
    private readonly rgb: [number, number, number],
  ) {}

  /** Copies the buffer's pixels inside `rect` (image pixels) into the tile canvases. */
  repaint(rect: Rect): void {
    const tx0 = Math.floor(rect.x / TILE);
    const ty0 = Math.floor(rect.y / TILE);
    const tx1 = Math.floor((rect.x + rect.w - 1) / TILE);
    const ty1 = Math.floor((rect.y + rect.h - 1) / TILE);
    for (let ty = ty0; ty <= ty1; ty++) {
      for (let tx = tx0; tx <= tx1; tx++) this.repaintTile(tx, ty, rect);
    }
  }

  private repaintTile(tx: number, ty: number, rect: Rect): void {
    const bits = this.buffer.tile(tx, ty);
    if (!bits) return;
    const ox = tx * TILE;
    const oy = ty * TILE;
    const x0 = Math.max(rect.x, ox) - ox;
    const y0 = Math.max(rect.y, oy) - oy;
    const w = Math.min(rect.x + rect.w, ox + TILE) - ox - x0;
    const h = Math.min(rect.y + rect.h, oy + TILE) - oy - y0;
    if (w <= 0 || h <= 0) return;
    const ctx = this.canvasAt(tx, ty).getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(w, h);
    const [r, g, b] = this.rgb;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (!bits[(y0 + y) * TILE + x0 + x]) continue;
        const o = (y * w + x) * 4;
        image.data[o] = r;
        image.data[o + 1] = g;
        image.data[o + 2] = b;
        image.data[o + 3] = ALPHA;
      }
    }
    ctx.putImageData(image, x0, y0);
  }

  private canvasAt(tx: number, ty: number): HTMLCanvasElement {
    const key = `${tx},${ty}`;
    let entry = this.canvases.get(key);
    if (!entry) {
      const canvas = document.createElement('canvas');
      canvas.width = TILE;
      canvas.height = TILE;
      this.canvases.set(key, (entry = { x: tx * TILE, y: ty * TILE, canvas }));
    }
    return entry.canvas;
  }
}
