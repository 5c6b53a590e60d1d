import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Shape } from 'react-konva';
import { defectColor, hexToRgb } from '../lib/colors';
import type { Rect } from '../regions/types';
import { useTaxonomy } from '../stores/taxonomyStore';
import { useTool } from '../stores/toolStore';
import { BrushTiles } from './brushTiles';
import { onPaint } from './paintSignal';

/**
 * The stroke being painted, drawn from tile canvases that mirror the brush's tiled buffer. Each
 * pointer event repaints only the rectangle it changed, so a stroke on a 20 MP image stays cheap
 * however far it runs (no full-size canvas, no full repaint when the stroke reaches new ground).
 */
export function BrushPreview() {
  const machine = useTool((s) => s.machine);
  const drawType = useTool((s) => s.drawType);
  const colors = useTaxonomy((s) => s.colors);
  const node = useRef<Konva.Shape>(null);
  const tiles = useRef<BrushTiles | null>(null);
  const painting =
    (machine.tool === 'brush' || machine.tool === 'eraser') && machine.state.kind === 'painting'
      ? machine.state
      : null;
  const buffer = painting?.buffer ?? null;
  const color = drawType ? defectColor(colors, drawType) : '#ffffff';

  useEffect(() => {
    if (!buffer) {
      tiles.current = null;
      return;
    }
    const mirror = (tiles.current = new BrushTiles(buffer, hexToRgb(color)));
    const sync = (rect: Rect | null) => {
      const all = buffer.extent;
      const dirty = rect ?? all;
      if (dirty) mirror.repaint(dirty);
      node.current?.getLayer()?.batchDraw();
    };
    sync(null);
    return onPaint(sync);
  }, [buffer, color]);

  if (!buffer) return null;
  return (
    <Shape
      ref={node}
      listening={false}
      sceneFunc={(ctx) => {
        const ctx2d = ctx._context;
        const smoothing = ctx2d.imageSmoothingEnabled;
        ctx2d.imageSmoothingEnabled = false;
        for (const tile of tiles.current?.canvases.values() ?? [])
          ctx2d.drawImage(tile.canvas, tile.x, tile.y);
        ctx2d.imageSmoothingEnabled = smoothing;
      }}
    />
  );
}
