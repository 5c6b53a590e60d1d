import type { MaskShape } from '../../../electron/contract';
import { decodeMask, encodeMask } from '../regions/rle';
import type { Rect, Size } from '../regions/types';

/** Extra room added when the buffer grows, so a stroke does not copy the bitmap on every event. */
const GROW_MARGIN = 64;

/**
 * A brush's working bitmap: cropped to what has been painted so far (plus a margin), growing as
 * the stroke leaves it, never larger than the image. Painting costs the brush's footprint, not
 * the image's size; `toShape` crops it back to the set pixels for storing.
 */
export class MaskBuffer {
  x = 0;
  y = 0;
  w = 0;
  h = 0;
  bits: Uint8Array = new Uint8Array(0);
  /** Bumped whenever the bitmap is replaced by a bigger one (a preview canvas must be remade). */
  generation = 0;

  constructor(readonly image: Size) {}

  static from(shape: MaskShape, image: Size): MaskBuffer {
    const buffer = new MaskBuffer(image);
    buffer.x = shape.x;
    buffer.y = shape.y;
    buffer.w = shape.w;
    buffer.h = shape.h;
    buffer.bits = decodeMask(shape);
    return buffer;
  }

  /** Grows to cover [x0, x1) × [y0, y1), clipped to the image. */
  ensure(x0: number, y0: number, x1: number, y1: number): void {
    const cx0 = Math.max(0, Math.floor(x0));
    const cy0 = Math.max(0, Math.floor(y0));
    const cx1 = Math.min(this.image.width, Math.ceil(x1));
    const cy1 = Math.min(this.image.height, Math.ceil(y1));
    if (cx0 >= cx1 || cy0 >= cy1) return;
    const empty = this.w === 0 || this.h === 0;
    if (!empty && cx0 >= this.x && cy0 >= this.y && cx1 <= this.x + this.w && cy1 <= this.y + this.h) return;
    // Grows by half its size again (at least the margin): a long stroke copies the bitmap a few times, not per event.
    const mx = Math.max(GROW_MARGIN, this.w >> 1);
    const my = Math.max(GROW_MARGIN, this.h >> 1);
    const nx0 = Math.max(0, (empty ? cx0 : Math.min(this.x, cx0)) - mx);
    const ny0 = Math.max(0, (empty ? cy0 : Math.min(this.y, cy0)) - my);
    const nx1 = Math.min(this.image.width, (empty ? cx1 : Math.max(this.x + this.w, cx1)) + mx);
    const ny1 = Math.min(this.image.height, (empty ? cy1 : Math.max(this.y + this.h, cy1)) + my);
    const next = new Uint8Array((nx1 - nx0) * (ny1 - ny0));
    const { bits, w, h } = this;
    for (let row = 0; row < h; row++) {
      const from = row * w;
      next.set(bits.subarray(from, from + w), (this.y - ny0 + row) * (nx1 - nx0) + (this.x - nx0));
    }
    this.x = nx0;
    this.y = ny0;
    this.w = nx1 - nx0;
    this.h = ny1 - ny0;
    this.bits = next;
    this.generation++;
  }

  /**
   * Sets (or clears) every pixel whose centre lies within `radius` of the segment a→b: one dab
   * when a = b, a gap-free stroke otherwise. The pixel under `b` is always included. Returns the
   * changed rectangle in image pixels, or null when nothing was inside the image.
   */
  stroke(a: [number, number], b: [number, number], radius: number, value: 0 | 1): Rect | null {
    const r = Math.max(0.5, radius);
    const x0 = Math.min(a[0], b[0]) - r;
    const y0 = Math.min(a[1], b[1]) - r;
    const x1 = Math.max(a[0], b[0]) + r;
    const y1 = Math.max(a[1], b[1]) + r;
    if (value === 1) this.ensure(x0, y0, x1 + 1, y1 + 1);
    const px0 = Math.max(this.x, Math.floor(x0));
    const py0 = Math.max(this.y, Math.floor(y0));
    const px1 = Math.min(this.x + this.w, Math.ceil(x1) + 1);
    const py1 = Math.min(this.y + this.h, Math.ceil(y1) + 1);
    if (px0 >= px1 || py0 >= py1) return null;
    const [ax, ay] = a;
    const dx = b[0] - ax;
    const dy = b[1] - ay;
    const len2 = dx * dx + dy * dy;
    const r2 = r * r;
    const { bits, w, x: bx, y: by } = this;
    for (let py = py0; py < py1; py++) {
      const row = (py - by) * w - bx;
      const cy = py + 0.5 - ay;
      for (let px = px0; px < px1; px++) {
        const cx = px + 0.5 - ax;
        let t = len2 ? (cx * dx + cy * dy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = cx - t * dx;
        const ey = cy - t * dy;
        if (ex * ex + ey * ey <= r2) bits[row + px] = value;
      }
    }
    const hx = Math.floor(b[0]);
    const hy = Math.floor(b[1]);
    if (hx >= this.x && hy >= this.y && hx < this.x + this.w && hy < this.y + this.h)
      this.bits[(hy - this.y) * this.w + (hx - this.x)] = value;
    return { x: px0, y: py0, w: px1 - px0, h: py1 - py0 };
  }

  /** The set pixels cropped to their bounding box, as stored; null when nothing is set. */
  toShape(): MaskShape | null {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -1;
    let maxY = -1;
    for (let y = 0; y < this.h; y++) {
      const row = y * this.w;
      for (let x = 0; x < this.w; x++) {
        if (!this.bits[row + x]) continue;
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
    for (let y = 0; y < h; y++) {
      const from = (minY + y) * this.w + minX;
      crop.set(this.bits.subarray(from, from + w), y * w);
    }
    return { kind: 'mask', x: this.x + minX, y: this.y + minY, w, h, rle: encodeMask(crop) };
  }
}
