import { boxIdle, boxTool, type BoxToolState } from './boxTool';
import { brushIdle, brushTool, type BrushToolState } from './brushTool';
import { polygonIdle, polygonTool, type PolygonToolState } from './polygonTool';
import { selectIdle, selectTool, type SelectToolState } from './selectTool';
import type { ToolCommand, ToolContext, ToolEvent } from './types';

export type ToolName = 'select' | 'box' | 'polygon' | 'brush' | 'eraser';

/** The active tool with its state; each tool's own machine lives in its own file. */
export type Machine =
  | { tool: 'select'; state: SelectToolState }
  | { tool: 'box'; state: BoxToolState }
  | { tool: 'polygon'; state: PolygonToolState }
  | { tool: 'brush'; state: BrushToolState }
  | { tool: 'eraser'; state: BrushToolState };

export function initialMachine(tool: ToolName): Machine {
  switch (tool) {
    case 'select':
      return { tool, state: selectIdle };
    case 'box':
      return { tool, state: boxIdle };
    case 'polygon':
      return { tool, state: polygonIdle };
    case 'brush':
    case 'eraser':
      return { tool, state: brushIdle };
  }
}

/** Forwards one event to the active tool. */
export function stepMachine(machine: Machine, event: ToolEvent, ctx: ToolContext): [Machine, ToolCommand[]] {
  switch (machine.tool) {
    case 'select': {
      const [state, commands] = selectTool(machine.state, event, ctx);
      return [{ tool: 'select', state }, commands];
    }
    case 'box': {
      const [state, commands] = boxTool(machine.state, event, ctx);
      return [{ tool: 'box', state }, commands];
    }
    case 'polygon': {
      const [state, commands] = polygonTool(machine.state, event, ctx);
      return [{ tool: 'polygon', state }, commands];
    }
    case 'brush':
    case 'eraser': {
      const [state, commands] = brushTool(
        machine.state,
        event,
        ctx,
        machine.tool === 'brush' ? 'paint' : 'erase',
      );
      return [{ tool: machine.tool, state }, commands];
    }
  }
}

/** Mid-gesture (a polygon half drawn, a drag): Esc and Enter belong to the tool. */
export const isBusy = (machine: Machine): boolean => machine.state.kind !== 'idle';
