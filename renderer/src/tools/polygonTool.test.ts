import { describe, expect, it } from 'vitest';
import { polygonIdle, polygonTool, type PolygonToolState } from './polygonTool';
import { at, context, key } from './testing';
import type { ToolCommand, ToolEvent } from './types';

function run(events: ToolEvent[]): { state: PolygonToolState; commands: ToolCommand[] } {
  let state: PolygonToolState = polygonIdle;
  const commands: ToolCommand[] = [];
  for (const event of events) {
    const [next, out] = polygonTool(state, event, context());
    state = next;
    commands.push(...out);
  }
  return { state, commands };
}

const clicks = (...points: [number, number][]) => points.flatMap((p) => [at('down', p), at('up', p)]);

describe('polygon tool', () => {
  it('closes on a click on the first point', () => {
    const { state, commands } = run(clicks([10, 10], [40, 10], [40, 40], [11, 11]));
    expect(state).toEqual(polygonIdle);
    expect(commands).toEqual([
      {
        kind: 'add',
        shape: {
          kind: 'polygon',
          points: [
            [10, 10],
            [40, 10],
            [40, 40],
          ],
        },
      },
    ]);
  });

  it('closes on Enter and on a double-click, ignoring the double-click’s second press', () => {
    expect(run([...clicks([10, 10], [40, 10], [40, 40]), key('Enter')]).commands[0]).toMatchObject({
      kind: 'add',
    });
    const doubled = run([...clicks([10, 10], [40, 10], [40, 40], [40, 40]), at('dblclick', [40, 40])]);
    expect(doubled.commands).toEqual([
      {
        kind: 'add',
        shape: {
          kind: 'polygon',
          points: [
            [10, 10],
            [40, 10],
            [40, 40],
          ],
        },
      },
    ]);
  });

  it('takes back the last point on Backspace and cancels on Esc', () => {
    const back = run([...clicks([10, 10], [40, 10], [40, 40]), key('Backspace')]);
    expect(back.state).toMatchObject({
      kind: 'drawing',
      points: [
        [10, 10],
        [40, 10],
      ],
    });
    expect(run([...clicks([10, 10], [40, 10]), key('Escape')]).state).toEqual(polygonIdle);
  });

  it('refuses to close with fewer than 3 points and keeps drawing', () => {
    const { state, commands } = run([...clicks([10, 10], [40, 10]), key('Enter')]);
    expect(commands[0]).toMatchObject({ kind: 'refuse', message: /at least 3 points, this one has 2/ });
    expect(state.kind).toBe('drawing');
  });

  it('refuses an outline that crosses itself', () => {
    const { commands } = run([...clicks([10, 10], [40, 40], [40, 10], [10, 40]), key('Enter')]);
    expect(commands[0]).toMatchObject({
      kind: 'refuse',
      message: /Polygon not added: the polygon crosses itself/,
    });
  });

  it('keeps points inside the image', () => {
    const { commands } = run([...clicks([-5, 10], [140, 10], [140, 99]), key('Enter')]);
    expect(commands[0]).toEqual({
      kind: 'add',
      shape: {
        kind: 'polygon',
        points: [
          [0, 10],
          [100, 10],
          [100, 80],
        ],
      },
    });
  });
});
