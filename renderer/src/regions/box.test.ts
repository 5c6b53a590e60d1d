import { describe, expect, it } from 'vitest';
import { box, boxFromCorners, clipBox } from './box';
import { recordingContext } from './testing';

const image = { width: 100, height: 50 };

describe('box regions', () => {
  it('spans two corners in any order and clips to the image', () => {
    expect(boxFromCorners([30, 40], [10, 5])).toEqual({ kind: 'box', x: 10, y: 5, w: 20, h: 35 });
    expect(clipBox({ kind: 'box', x: -5, y: 40, w: 20, h: 30 }, image)).toEqual({
      kind: 'box',
      x: 0,
      y: 40,
      w: 15,
      h: 10,
    });
  });

  it('is hit inside and within the tolerance of its edge, not beyond', () => {
    const b = { kind: 'box', x: 10, y: 10, w: 10, h: 10 } as const;
    expect(box.contains(b, [15, 15], 0)).toBe(true);
    expect(box.contains(b, [21, 15], 2)).toBe(true);
    expect(box.contains(b, [23, 15], 2)).toBe(false);
  });

  it('refuses degenerate and outside boxes with a reason', () => {
    expect(box.problem({ kind: 'box', x: 1, y: 1, w: 0, h: 12 }, image)).toMatch(/at least 1×1.*0×12/);
    expect(box.problem({ kind: 'box', x: 95, y: 1, w: 10, h: 12 }, image)).toMatch(
      /outside the 100×50 image/,
    );
    expect(box.problem({ kind: 'box', x: 0, y: 0, w: 100, h: 50 }, image)).toBeNull();
  });

  it('moves, measures and serialises rounded to 1/100 px', () => {
    const b = { kind: 'box', x: 1.23456, y: 2, w: 3, h: 4 } as const;
    expect(box.area(b)).toBe(12);
    expect(box.translate(b, 1, -1)).toMatchObject({ x: 2.23456, y: 1 });
    expect(box.toDraft(b)).toEqual({ kind: 'box', x: 1.23, y: 2, w: 3, h: 4 });
  });

  it('draws a filled, stroked rectangle', () => {
    const ctx = recordingContext();
    box.draw(
      ctx,
      { kind: 'box', x: 1, y: 2, w: 3, h: 4 },
      { color: '#ff0000', fillAlpha: 0.2, lineWidth: 1, dash: [4, 2], alpha: 1 },
    );
    expect(ctx.calls).toContain('rect(1,2,3,4)');
    expect(ctx.calls).toContain('setLineDash(obj)');
    expect(ctx.calls.filter((c) => c === 'fill()' || c === 'stroke()')).toEqual(['fill()', 'stroke()']);
  });
});
