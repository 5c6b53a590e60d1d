import type { BoxShape } from '../../../electron/contract';
import { paintPath, round2 } from './style';
import type { Pt, Rect, RegionKind, Size } from './types';

/** The box spanned by two corners, in any order. */
export function boxFromCorners(a: Pt, b: Pt): BoxShape {
  const x = Math.min(a[0], b[0]);
  const y = Math.min(a[1], b[1]);
  return { kind: 'box', x, y, w: Math.abs(a[0] - b[0]), h: Math.abs(a[1] - b[1]) };
}

/** The part of the box inside the image (a drag may run past the edge). */
export function clipBox(box: BoxShape, size: Size): BoxShape {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(size.width, box.x + box.w);
  const y1 = Math.min(size.height, box.y + box.h);
  return { kind: 'box', x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

const bounds = (s: BoxShape): Rect => ({ x: s.x, y: s.y, w: s.w, h: s.h });

export const box: RegionKind<BoxShape> = {
  kind: 'box',
  bounds,
  area: (s) => s.w * s.h,
  contains(s, [px, py], tolerance) {
    return (
      px >= s.x - tolerance &&
      px <= s.x + s.w + tolerance &&
      py >= s.y - tolerance &&
      py <= s.y + s.h + tolerance
    );
  },
  translate: (s, dx, dy) => ({ ...s, x: s.x + dx, y: s.y + dy }),
  resize: (_s, to) => ({ kind: 'box', x: to.x, y: to.y, w: to.w, h: to.h }),
  draw(ctx, s, look) {
    ctx.beginPath();
    ctx.rect(s.x, s.y, s.w, s.h);
    paintPath(ctx, look);
  },
  trace: (ctx, s) => ctx.rect(s.x, s.y, s.w, s.h),
  problem(s, size) {
    const r = { w: round2(s.w), h: round2(s.h) };
    if (!(r.w >= 1 && r.h >= 1))
      return `a box needs at least 1×1 pixel, this one is ${Math.round(r.w * 10) / 10}×${Math.round(r.h * 10) / 10}`;
    if (s.x < 0 || s.y < 0 || s.x + s.w > size.width + 1e-9 || s.y + s.h > size.height + 1e-9)
      return `the box reaches outside the ${size.width}×${size.height} image`;
    return null;
  },
  toDraft: (s) => ({ kind: 'box', x: round2(s.x), y: round2(s.y), w: round2(s.w), h: round2(s.h) }),
};
