import type { Shape } from '../../../electron/contract';
import type { Pt } from '../regions/types';
import type { Selection, ToolContext, ToolEvent } from './types';

/** Pointer events at zoom 1 unless given, for the tool tests. */
export const at = (
  type: 'down' | 'move' | 'up' | 'dblclick',
  p: Pt,
  extra: Partial<{ scale: number; alt: boolean }> = {},
): ToolEvent => ({
  type,
  p,
  scale: extra.scale ?? 1,
  alt: extra.alt ?? false,
  shift: false,
});

export const key = (k: 'Enter' | 'Escape' | 'Backspace' | 'Delete'): ToolEvent => ({ type: 'key', key: k });

export function context(patch: Partial<ToolContext> = {}): ToolContext {
  return { image: { width: 100, height: 80 }, editable: null, hitTest: () => null, brushSize: 4, ...patch };
}

export const region = (id: number): Selection => ({ kind: 'region', id }) as Selection;

export function editing(id: number, shape: Shape): Pick<ToolContext, 'editable' | 'hitTest'> {
  const target = region(id);
  return { editable: { target, shape }, hitTest: () => ({ target, shape }) };
}
