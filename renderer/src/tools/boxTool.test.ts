import { describe, expect, it } from 'vitest';
import { boxIdle, boxPreview, boxTool, type BoxToolState } from './boxTool';
import { at, context, key } from './testing';
import type { ToolEvent } from './types';

function run(events: ToolEvent[]) {
  let state: BoxToolState = boxIdle;
  const commands = [];
  for (const event of events) {
    const [next, out] = boxTool(state, event, context());
    state = next;
    commands.push(...out);
  }
  return { state, commands };
}

describe('box tool', () => {
  it('adds the box dragged from one corner to the other, snapped to whole pixels', () => {
    const { state, commands } = run([at('down', [10.4, 20.6]), at('move', [30, 40]), at('up', [40.2, 50.7])]);
    expect(state).toEqual(boxIdle);
    expect(commands).toEqual([{ kind: 'add', shape: { kind: 'box', x: 10, y: 21, w: 30, h: 30 } }]);
  });

  it('previews the box while dragging, and clips it to the image', () => {
    const { state } = run([at('down', [90, 70]), at('move', [130, 95])]);
    expect(boxPreview(state)).toEqual({ kind: 'box', x: 90, y: 70, w: 10, h: 10 });
  });

  it('refuses a click and a zero-width box with a message', () => {
    expect(run([at('down', [5, 5]), at('up', [5, 5])]).commands[0]).toMatchObject({
      kind: 'refuse',
      message: /drag/,
    });
    expect(run([at('down', [5, 5]), at('up', [5, 40])]).commands[0]).toMatchObject({
      kind: 'refuse',
      message: /Box not added: a box needs at least 1×1 pixel, this one is 0×35/,
    });
  });

  it('drops the box on Esc', () => {
    const { state, commands } = run([
      at('down', [5, 5]),
      at('move', [20, 20]),
      key('Escape'),
      at('up', [20, 20]),
    ]);
    expect(state).toEqual(boxIdle);
    expect(commands).toEqual([]);
  });
});
