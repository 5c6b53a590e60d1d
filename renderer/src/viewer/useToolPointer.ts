import Konva from 'konva';
import { useEffect, type RefObject } from 'react';
import type { Camera } from '../lib/readout';
import { useTool } from '../stores/toolStore';
import { toImage } from './camera';
import type { CursorLayerHandle } from './CursorLayer';
import { dispatchTool } from './toolRunner';

/** A press on a transformer handle belongs to Konva, not to the tool. */
function onTransformer(stage: Konva.Stage | null, point: { x: number; y: number }): boolean {
  const hit = stage?.getIntersection(point);
  return Boolean(hit && hit.getParent() instanceof Konva.Transformer);
}

/**
 * Turns the stage box's left-button gestures into tool events in image pixels; the tools decide
 * the rest. Also keeps the brush outline under the pointer at the brush's size.
 */
export function useToolPointer(
  stage: RefObject<Konva.Stage | null>,
  camera: RefObject<Camera>,
  cursor: RefObject<CursorLayerHandle | null>,
) {
  const tool = useTool((s) => s.tool);
  const brushSize = useTool((s) => s.brushSize);
  useEffect(() => {
    cursor.current?.setBrush(tool === 'brush' || tool === 'eraser' ? brushSize : null);
  }, [cursor, tool, brushSize]);

  return (
    type: 'down' | 'move' | 'up' | 'dblclick',
    point: { x: number; y: number },
    event: MouseEvent,
  ): boolean => {
    if (type === 'down' && onTransformer(stage.current, point)) return false;
    const cam = camera.current;
    const p = toImage(cam, point.x, point.y);
    const base = { p, scale: cam.scale, alt: event.altKey, shift: event.shiftKey };
    const handled = dispatchTool({ type, ...base });
    // A press always belongs to the tool once it is over the image, so the drag is captured.
    return type === 'down' ? true : handled;
  };
}
