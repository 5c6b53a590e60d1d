import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../electron/contract';
import { selectIdle, selectPreview, selectTool, type SelectToolState } from './selectTool';
import { at, context, editing, key, region } from './testing';
import type { ToolCommand, ToolContext, ToolEvent } from './types';

function run(events: ToolEvent[], ctx: ToolContext, start: SelectToolState = selectIdle) {
  let state = start;
  const commands: ToolCommand[] = [];
  for (const event of events) {
    const [next, out] = selectTool(state, event, ctx);
    state = next;
    commands.push(...out);
  }
  return { state, commands };
}

const square: Shape = {
  kind: 'polygon',
  points: [
    [10, 10],
    [30, 10],
    [30, 30],
    [10, 30],
  ],
};
const box: Shape = { kind: 'box', x: 10, y: 10, w: 20, h: 10 };

describe('select tool', () => {
  it('selects the region under a click and clears the selection on empty space', () => {
    const hit = { target: region(4), shape: box };
    const ctx = context({ hitTest: (p) => (p[0] < 50 ? hit : null) });
    expect(run([at('down', [15, 15]), at('up', [15, 15])], ctx).commands).toEqual([
      { kind: 'select', selection: region(4) },
    ]);
    expect(run([at('down', [70, 15])], ctx).commands).toEqual([{ kind: 'select', selection: null }]);
  });

  it('moves the selected region by dragging, kept inside the image', () => {
    const { state, commands } = run(
      [at('down', [15, 15]), at('move', [25, 17]), at('move', [200, 17]), at('up', [200, 17])],
      context(editing(1, box)),
    );
    expect(state).toEqual(selectIdle);
    expect(commands).toEqual([
      { kind: 'update', target: region(1), shape: { kind: 'box', x: 80, y: 12, w: 20, h: 10 } },
    ]);
  });

  it('does not nudge a region on a click with a tiny jitter', () => {
    expect(
      run([at('down', [15, 15]), at('move', [16, 15]), at('up', [16, 15])], context(editing(1, box)))
        .commands,
    ).toEqual([]);
  });

  it('drags a polygon corner, previewing it, and commits on release', () => {
    const ctx = context(editing(2, square));
    const dragging = run([at('down', [30, 30]), at('move', [40, 45])], ctx).state;
    expect(selectPreview(dragging)?.shape).toEqual({
      kind: 'polygon',
      points: [
        [10, 10],
        [30, 10],
        [40, 45],
        [10, 30],
      ],
    });
    const { commands } = run([at('up', [40, 45])], ctx, dragging);
    expect(commands[0]).toMatchObject({
      kind: 'update',
      shape: {
        points: [
          [10, 10],
          [30, 10],
          [40, 45],
          [10, 30],
        ],
      },
    });
  });

  it('adds a corner on a double-click on an edge', () => {
    const { commands } = run([at('dblclick', [20, 10.5])], context(editing(2, square)));
    expect(commands[0]).toMatchObject({
      kind: 'update',
      shape: {
        points: [
          [10, 10],
          [20, 10.5],
          [30, 10],
          [30, 30],
          [10, 30],
        ],
      },
    });
  });

  it('removes a corner with Alt-click, or with Delete after clicking it', () => {
    const ctx = context(editing(2, square));
    expect(run([at('down', [10, 10], { alt: true })], ctx).commands[0]).toMatchObject({
      kind: 'update',
      shape: {
        points: [
          [30, 10],
          [30, 30],
          [10, 30],
        ],
      },
    });
    const { commands } = run([at('down', [30, 10]), at('up', [30, 10]), key('Delete')], ctx);
    expect(commands[0]).toMatchObject({
      kind: 'update',
      shape: {
        points: [
          [10, 10],
          [30, 30],
          [10, 30],
        ],
      },
    });
  });

  it('refuses to leave a polygon with fewer than 3 corners, and refuses a crossing drag', () => {
    const triangle: Shape = {
      kind: 'polygon',
      points: [
        [10, 10],
        [30, 10],
        [30, 30],
      ],
    };
    expect(
      run([at('down', [10, 10], { alt: true })], context(editing(2, triangle))).commands[0],
    ).toMatchObject({ kind: 'refuse' });
    const crossed = run(
      [at('down', [30, 30]), at('move', [20, 2]), at('up', [20, 2])],
      context(editing(2, square)),
    );
    expect(crossed.commands[0]).toMatchObject({ kind: 'refuse', message: /crosses itself/ });
  });

  it('deletes the selected region on Delete when no corner is picked', () => {
    expect(run([key('Delete')], context(editing(9, box))).commands).toEqual([
      { kind: 'delete', target: region(9) },
    ]);
  });

  it('commits a box resized by the transformer', () => {
    const resized: Shape = { kind: 'box', x: 10, y: 10, w: 40, h: 10 };
    expect(run([{ type: 'transformed', shape: resized }], context(editing(1, box))).commands).toEqual([
      { kind: 'update', target: region(1), shape: resized },
    ]);
  });

  it('shows the shape live while the handles are dragged, and commits it once at the end', () => {
    const mask: Shape = { kind: 'mask', x: 10, y: 10, w: 2, h: 2, rle: [0, 4] } as Shape;
    const wider: Shape = { kind: 'mask', x: 10, y: 10, w: 4, h: 2, rle: [0, 8] } as Shape;
    const widest: Shape = { kind: 'mask', x: 10, y: 10, w: 6, h: 2, rle: [0, 12] } as Shape;
    const ctx = context(editing(3, mask));
    const dragging = run(
      [
        { type: 'transforming', shape: wider },
        at('move', [40, 40]),
        at('up', [40, 40]),
        { type: 'transforming', shape: widest },
      ],
      ctx,
    );
    expect(dragging.commands).toEqual([]);
    expect(selectPreview(dragging.state)).toEqual({ target: region(3), shape: widest });
    const done = run([{ type: 'transformed', shape: widest }], ctx, dragging.state);
    expect(done.state).toEqual(selectIdle);
    expect(done.commands).toEqual([{ kind: 'update', target: region(3), shape: widest }]);
  });
});
