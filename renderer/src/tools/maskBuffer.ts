import type { MaskShape } from '../../../electron/contract';
import { decodeMask, encodeMask } from '../regions/rle';
import type { Rect, Size } from '../regions/types';

/** Side of one tile in image pixels: small enough that a new tile costs nothing on a pointer event. */
export const TILE = 256;

/**
 * A brush's working bitmap, kept as square tiles made the first time a stroke reaches them. A
 * stroke costs its own footprint on any image size: nothing is ever copied to grow, and a 20 MP
 * image never gets a full-size buffer. `toShape` crops the set pixels back to a stored mask.
 */
export class MaskBuffer {
  private readonly tiles = new Map<number, Uint8Array>();
  private readonly columns: number;
  /** Every pixel painted or loaded so far lies in here (null: nothing yet); `toShape` scans only this. */
  extent: Rect | null = null;

  constructor(readonly image: Size) {
    this.columns = Math.ceil(image.width / TILE);
  }

  static from(shape: MaskShape, image: Size): MaskBuffer {
    const buffer = new MaskBuffer(image);
    const bits = decodeMask(shape);
    for (let y = 0; y < shape.h; y++) {
      const iy = shape.y + y;
      for (let x = 0; x < shape.w; x++) {
        if (!bits[y * shape.w + x]) continue;
        const ix = shape.x + x;
        const tile = buffer.tileFor(Math.floor(ix / TILE), Math.floor(iy / TILE), true)!;
        tile[(iy % TILE) * TILE + (ix % TILE)] = 1;
      }
    }
    buffer.extent = { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
    return buffer;
  }

  /** The tile holding image pixel (tx·TILE, ty·TILE), if any stroke reached it. */
  tile(tx: number, ty: number): Uint8Array | undefined {
    return this.tiles.get(ty * this.columns + tx);
  }

  get(x: number, y: number): 0 | 1 {
    const tile = this.tile(Math.floor(x / TILE), Math.floor(y / TILE));
    return tile && tile[(y % TILE) * TILE + (x % TILE)] ? 1 : 0;
  }

  private tileFor(tx: number, ty: number, create: boolean): Uint8Array | undefined {
    const key = ty * this.columns + tx;
    let tile = this.tiles.get(key);
    if (!tile && create) this.tiles.set(key, (tile = new Uint8Array(TILE * TILE)));
    return tile;
  }

  private grow(x0: number, y0: number, x1: number, y1: number): void {
    const e = this.extent;
    if (!e) {
      this.extent = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
      return;
    }
    const nx0 = Math.min(e.x, x0);
    const ny0 = Math.min(e.y, y0);
    this.extent = {
      x: nx0,
      y: ny0,
      w: Math.max(e.x + e.w, x1) - nx0,
      h: Math.max(e.y + e.h, y1) - ny0,
    };
  }

  private set(x: number, y: number, value: 0 | 1): void {
    const tile = this.tileFor(Math.floor(x / TILE), Math.floor(y / TILE), value === 1);
    if (!tile) return;
    tile[(y % TILE) * TILE + (x % TILE)] = value;
    if (value) this.grow(x, y, x + 1, y + 1);
  }

  /**
   * Sets (or clears) every pixel whose centre lies within `radius` of the segment a→b: one dab
   * when a = b, a gap-free stroke otherwise. The pixel under `b` is always included. Returns the
   * changed rectangle in image pixels, or null when nothing was inside the image.
   */
  stroke(a: [number, number], b: [number, number], radius: number, value: 0 | 1): Rect | null {
    const r = Math.max(0.5, radius);
    const px0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - r));
    const py0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - r));
    const px1 = Math.min(this.image.width, Math.ceil(Math.max(a[0], b[0]) + r) + 1);
    const py1 = Math.min(this.image.height, Math.ceil(Math.max(a[1], b[1]) + r) + 1);
    if (px0 >= px1 || py0 >= py1) return null;
    const [ax, ay] = a;
    const dx = b[0] - ax;
    const dy = b[1] - ay;
    const len2 = dx * dx + dy * dy;
    const r2 = r * r;
    for (let ty = Math.floor(py0 / TILE); ty <= Math.floor((py1 - 1) / TILE); ty++) {
      for (let tx = Math.floor(px0 / TILE); tx <= Math.floor((px1 - 1) / TILE); tx++) {
        const tile = this.tileFor(tx, ty, value === 1);
        if (!tile) continue;
        const ox = tx * TILE;
        const oy = ty * TILE;
        for (let py = Math.max(py0, oy); py < Math.min(py1, oy + TILE); py++) {
          const row = (py - oy) * TILE - ox;
          const cy = py + 0.5 - ay;
          for (let px = Math.max(px0, ox); px < Math.min(px1, ox + TILE); px++) {
            const cx = px + 0.5 - ax;
            let t = len2 ? (cx * dx + cy * dy) / len2 : 0;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            const ex = cx - t * dx;
            const ey = cy - t * dy;
            if (ex * ex + ey * ey <= r2) tile[row + px] = value;
          }
        }
      }
    }
    if (value) this.grow(px0, py0, px1, py1);
    const hx = Math.floor(b[0]);
    const hy = Math.floor(b[1]);
    if (hx >= 0 && hy >= 0 && hx < this.image.width && hy < this.image.height) this.set(hx, hy, value);
    return { x: px0, y: py0, w: px1 - px0, h: py1 - py0 };
  }

  /** The set pixels cropped to their bounding box, as stored; null when nothing is set. */
  toShape(): MaskShape | null {
    const e = this.extent;
    if (!e) return null;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -1;
    let maxY = -1;
    for (let y = e.y; y < e.y + e.h; y++) {
      for (let x = e.x; x < e.x + e.w; x++) {
        if (!this.get(x, y)) continue;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        maxY = y;
      }
    }
    if (maxX < 0) return null;
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    const crop = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) crop[y * w + x] = this.get(minX + x, minY + y);
    return { kind: 'mask', x: minX, y: minY, w, h, rle: encodeMask(crop) };
  }
}
