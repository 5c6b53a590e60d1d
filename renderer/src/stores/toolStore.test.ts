import { beforeEach, describe, expect, it } from 'vitest';
import type { ToolName } from '../tools/machine';
import { useTool } from './toolStore';

const reset = (tool: ToolName) => {
  useTool.getState().set({ missed: false });
  useTool.getState().setTool(tool);
};

describe('arming and cancelling "missed"', () => {
  beforeEach(() => reset('select'));

  it('takes the box tool from the select tool and gives the select tool back on cancel', () => {
    useTool.getState().armMissed();
    expect(useTool.getState()).toMatchObject({ missed: true, tool: 'box' });
    useTool.getState().cancelMissed();
    expect(useTool.getState()).toMatchObject({ missed: false, tool: 'select', missedFrom: null });
  });

  it('keeps a drawing tool already in hand, and keeps it on cancel', () => {
    reset('polygon');
    useTool.getState().armMissed();
    expect(useTool.getState()).toMatchObject({ missed: true, tool: 'polygon' });
    useTool.getState().cancelMissed();
    expect(useTool.getState()).toMatchObject({ missed: false, tool: 'polygon' });
  });

  it('leaves a tool chosen while armed in hand on cancel', () => {
    useTool.getState().armMissed();
    useTool.getState().setTool('brush');
    useTool.getState().cancelMissed();
    expect(useTool.getState()).toMatchObject({ missed: false, tool: 'brush' });
  });

  it('keeps the box tool once the missed region is drawn, and a later cancel gives nothing back', () => {
    useTool.getState().armMissed();
    useTool.getState().set({ missed: false });
    expect(useTool.getState()).toMatchObject({ tool: 'box', missedFrom: null });
    useTool.getState().cancelMissed();
    expect(useTool.getState().tool).toBe('box');
  });
});
