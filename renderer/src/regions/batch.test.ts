import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../electron/contract';
import { batchItem, drawBatch, type BatchContext } from './batch';
import { recordingContext } from './testing';

function recording(): BatchContext & { calls: string[] } {
  const ctx = recordingContext();
  return { ...ctx, arc: (...args: unknown[]) => ctx.calls.push(`arc(${args.join(',')})`) };
}

const count = (calls: string[], name: string) => calls.filter((c) => c.startsWith(`${name}(`)).length;
const box = (x: number, y: number, size = 40): Shape => ({ kind: 'box', x, y, w: size, h: size });
const everything = { x: 0, y: 0, w: 10_000, h: 10_000 };

describe('drawing many regions at once', () => {
  it('fills and strokes 2,000 regions of four colours in four calls each', () => {
    const colors = ['#ff0000', '#00ff00', '#0000ff', '#ffff00'];
    const items = Array.from({ length: 2000 }, (_, i) =>
      batchItem(box((i % 50) * 100, Math.floor(i / 50) * 100), colors[i % 4]!, 'label', false),
    );
    const ctx = recording();
    drawBatch(ctx, items, everything, 1);
    expect(count(ctx.calls, 'rect')).toBe(2000);
    expect(count(ctx.calls, 'fill')).toBe(4);
    expect(count(ctx.calls, 'stroke')).toBe(4);
  });

  it('skips regions outside the view', () => {
    const items = [
      batchItem(box(0, 0), '#ff0000', 'label', false),
      batchItem(box(5000, 5000), '#ff0000', 'label', false),
    ];
    const ctx = recording();
    drawBatch(ctx, items, { x: 0, y: 0, w: 100, h: 100 }, 1);
    expect(count(ctx.calls, 'rect')).toBe(1);
  });

  it('draws the selected region last, over a halo, and rings regions too small to see', () => {
    const items = [
      batchItem(box(0, 0), '#ff0000', 'label', true),
      batchItem(box(200, 0, 4), '#00ff00', 'prediction', false),
    ];
    const ctx = recording();
    drawBatch(ctx, items, everything, 1);
    const rects = ctx.calls.flatMap((c, i) => (c.startsWith('rect(') ? [i] : []));
    // The small prediction first, then the selected box twice (halo, outline).
    expect(ctx.calls[rects[0]!]).toBe('rect(200,0,4,4)');
    expect(ctx.calls[rects[1]!]).toBe('rect(0,0,40,40)');
    expect(ctx.calls[rects[2]!]).toBe('rect(0,0,40,40)');
    expect(count(ctx.calls, 'arc')).toBe(1);
  });
});
