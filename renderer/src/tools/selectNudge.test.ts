import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../electron/contract';
import { decodeMask } from '../regions/rle';
import { selectIdle, selectTool, type SelectToolState } from './selectTool';
import { context, editing, region } from './testing';
import type { ToolCommand } from './types';

const nudge = (dx: number, dy: number, resize = false) => ({ type: 'nudge', dx, dy, resize }) as const;
const box: Shape = { kind: 'box', x: 10, y: 10, w: 20, h: 10 };
// A 2×2 mask whose top-left pixel is off: ". #" over "# #".
const mask: Shape = { kind: 'mask', x: 40, y: 40, w: 2, h: 2, rle: [1, 3] };

function updated(commands: ToolCommand[]): Shape {
  const [command] = commands;
  if (command?.kind !== 'update') throw new Error(`expected one update, got ${JSON.stringify(commands)}`);
  expect(command.target).toEqual(region(1));
  return command.shape;
}

describe('select tool: arrow keys', () => {
  it('moves the selected box one pixel per key, never out of the image', () => {
    expect(updated(selectTool(selectIdle, nudge(1, 0), context(editing(1, box)))[1])).toEqual({
      ...box,
      x: 11,
    });
    const corner: Shape = { kind: 'box', x: 0, y: 0, w: 5, h: 5 };
    expect(updated(selectTool(selectIdle, nudge(-1, -1), context(editing(1, corner)))[1])).toEqual(corner);
  });

  it('resizes the right and bottom edges of a box, polygon and mask alike', () => {
    expect(updated(selectTool(selectIdle, nudge(1, 0, true), context(editing(1, box)))[1])).toEqual({
      ...box,
      w: 21,
    });
    const triangle: Shape = {
      kind: 'polygon',
      points: [
        [10, 10],
        [20, 10],
        [10, 20],
      ],
    };
    expect(updated(selectTool(selectIdle, nudge(0, 10, true), context(editing(1, triangle)))[1])).toEqual({
      kind: 'polygon',
      points: [
        [10, 10],
        [20, 10],
        [10, 30],
      ],
    });
    const grown = updated(selectTool(selectIdle, nudge(2, 2, true), context(editing(1, mask)))[1]);
    expect(grown).toMatchObject({ kind: 'mask', x: 40, y: 40, w: 4, h: 4 });
    if (grown.kind !== 'mask') return;
    // Nearest neighbour: each source pixel becomes a 2×2 block, the hole included.
    expect(Array.from(decodeMask(grown))).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('does nothing without a selection or in the middle of a drag', () => {
    expect(selectTool(selectIdle, nudge(1, 0), context())[1]).toEqual([]);
    const dragging: SelectToolState = { kind: 'pressing', target: region(1), original: box, start: [12, 12] };
    expect(selectTool(dragging, nudge(1, 0), context(editing(1, box)))[1]).toEqual([]);
  });

  it('takes a mask stretched by the resize handles as one update', () => {
    const stretched: Shape = { kind: 'mask', x: 40, y: 40, w: 4, h: 2, rle: [2, 6] };
    expect(
      updated(
        selectTool(selectIdle, { type: 'transformed', shape: stretched }, context(editing(1, mask)))[1],
      ),
    ).toEqual(stretched);
  });
});
