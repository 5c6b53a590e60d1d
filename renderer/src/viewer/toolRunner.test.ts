import { describe, expect, it, vi } from 'vitest';
import type { LabelCommand, LabelState } from '../../../electron/contract/review';
import { labelState } from '../review/fixtures';

// A fake core that really applies region updates, answering each only when the test releases it:
// the arrow key is pressed again while the earlier steps are still being saved.
let state: LabelState = labelState();
const held: (() => void)[] = [];
const applied: LabelCommand[] = [];

vi.mock('../transport/current', () => ({
  api: () =>
    new Proxy(
      {},
      {
        get: (_t, method: string) => (input: { baseRevision?: number; command?: LabelCommand }) => {
          if (method === 'labels:get') return Promise.resolve({ ok: true, value: state });
          const command = input.command!;
          if (input.baseRevision !== state.revision)
            return Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'stale' } });
          applied.push(command);
          if (command.type === 'updateRegion')
            state = {
              ...state,
              revision: state.revision + 1,
              regions: state.regions.map((r) =>
                r.id === command.regionId ? { ...r, shape: command.shape } : r,
              ),
            };
          const answer = state;
          return new Promise((resolve) => held.push(() => resolve({ ok: true, value: answer })));
        },
      },
    ),
}));

const { useLabels } = await import('../stores/labelStore');
const { useViewer } = await import('../stores/viewerStore');
const { dispatchTool } = await import('./toolRunner');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('arrow keys on a selected region', () => {
  it('keep every step when presses outrun the saves', async () => {
    await useLabels.getState().load(1 as never);
    useViewer.setState({
      sampleId: 1 as never,
      detail: { id: 1, width: 200, height: 200 } as never,
      selection: { kind: 'region', id: 10 as never },
    });
    const right = () => dispatchTool({ type: 'nudge', dx: 1, dy: 0, resize: false });

    // Two presses, then the first save is answered, then a third press before the second answer.
    right();
    right();
    await settle();
    held.shift()?.();
    await settle();
    right();
    while (held.length || applied.length < 3) {
      held.shift()?.();
      await settle();
    }

    expect(applied.map((c) => (c.type === 'updateRegion' ? c.shape : null))).toEqual([
      { kind: 'box', x: 61, y: 60, w: 10, h: 10 },
      { kind: 'box', x: 62, y: 60, w: 10, h: 10 },
      { kind: 'box', x: 63, y: 60, w: 10, h: 10 },
    ]);
    expect(useLabels.getState().state?.regions[0]?.shape).toEqual({
      kind: 'box',
      x: 63,
      y: 60,
      w: 10,
      h: 10,
    });
  });
});
