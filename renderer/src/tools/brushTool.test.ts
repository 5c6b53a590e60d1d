import { describe, expect, it } from 'vitest';
import type { MaskShape } from '../../../electron/contract';
import { decodeMask } from '../regions/rle';
import { brushIdle, brushTool, type BrushMode, type BrushToolState } from './brushTool';
import { at, context, editing, key } from './testing';
import type { ToolCommand, ToolContext, ToolEvent } from './types';

function run(events: ToolEvent[], mode: BrushMode, ctx: ToolContext = context()) {
  let state: BrushToolState = brushIdle;
  const commands: ToolCommand[] = [];
  for (const event of events) {
    const [next, out] = brushTool(state, event, ctx, mode);
    state = next;
    commands.push(...out);
  }
  return { state, commands, last: commands[commands.length - 1] };
}

describe('brush and eraser', () => {
  it('paints a stroke into a new mask cropped to what was painted', () => {
    const { last } = run([at('down', [10, 10]), at('move', [20, 10]), at('up', [20, 10])], 'paint');
    expect(last).toMatchObject({ kind: 'add', shape: { kind: 'mask', x: 8, y: 8, w: 14, h: 4 } });
    if (last?.kind !== 'add' || last.shape.kind !== 'mask') throw new Error('no mask');
    const bits = decodeMask(last.shape);
    // Gap-free: every column along the stroke's centre row is set.
    for (let x = 0; x < 14; x++) expect(bits[2 * 14 + x]).toBe(1);
  });

  it('asks for a repaint on every event that changed pixels', () => {
    const { commands } = run([at('down', [10, 10]), at('move', [12, 10])], 'paint');
    expect(commands.map((c) => c.kind)).toEqual(['paint', 'paint']);
    expect(commands[1]).toMatchObject({ rect: { x: 8, y: 8 } });
  });

  it('adds to the selected mask, growing its box', () => {
    const shape: MaskShape = { kind: 'mask', x: 10, y: 10, w: 2, h: 2, rle: [0, 4] };
    const { last } = run([at('down', [30, 30]), at('up', [30, 30])], 'paint', context(editing(7, shape)));
    expect(last).toMatchObject({
      kind: 'update',
      target: { kind: 'region', id: 7 },
      shape: { x: 10, y: 10, w: 22, h: 22 },
    });
  });

  it('erases from the selected mask and shrinks its box to what is left', () => {
    const shape: MaskShape = { kind: 'mask', x: 10, y: 10, w: 10, h: 1, rle: [0, 10] };
    const { last } = run(
      [at('down', [17, 10.5]), at('move', [20, 10.5]), at('up', [20, 10.5])],
      'erase',
      context({ ...editing(3, shape), brushSize: 2 }),
    );
    expect(last).toMatchObject({ kind: 'update', shape: { x: 10, w: 6, h: 1, rle: [0, 6] } });
  });

  it('refuses to erase a mask away, and to erase with no mask selected', () => {
    const shape: MaskShape = { kind: 'mask', x: 10, y: 10, w: 1, h: 1, rle: [0, 1] };
    expect(
      run([at('down', [10.5, 10.5]), at('up', [10.5, 10.5])], 'erase', context(editing(3, shape))).last,
    ).toMatchObject({
      kind: 'refuse',
      message: /empty/,
    });
    expect(run([at('down', [10, 10])], 'erase').last).toMatchObject({
      kind: 'refuse',
      message: /select a mask/,
    });
  });

  it('never paints outside the image, and Esc drops the stroke', () => {
    const { last } = run([at('down', [99, 79]), at('up', [99, 79])], 'paint', context({ brushSize: 10 }));
    expect(last).toMatchObject({ kind: 'add', shape: { x: 94, y: 74, w: 6, h: 6 } });
    expect(run([at('down', [10, 10]), key('Escape'), at('up', [10, 10])], 'paint').state).toEqual(brushIdle);
  });
});
