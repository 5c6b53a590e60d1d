import { Shape } from 'react-konva';
import type { Rect } from './camera';

type Props = { bounds: Rect; color: string };

/** Below this many screen pixels a region is easy to miss, so a ring marks where it is. */
const SMALL_PX = 20;
const RING_PX = 14;

/**
 * A dashed ring of fixed screen size around a region too small to see at the current zoom.
 * Sized at draw time from the stage scale, so zooming needs no React work.
 */
export function RegionHalo({ bounds, color }: Props) {
  return (
    <Shape
      listening={false}
      sceneFunc={(ctx, shape) => {
        const scale = shape.getStage()?.scaleX() ?? 1;
        if (Math.max(bounds.w, bounds.h) * scale >= SMALL_PX) return;
        ctx.beginPath();
        ctx.arc(bounds.x + bounds.w / 2, bounds.y + bounds.h / 2, RING_PX / scale, 0, Math.PI * 2);
        ctx.setLineDash([3 / scale, 3 / scale]);
        ctx.setAttr('strokeStyle', color);
        ctx.setAttr('lineWidth', 1.5 / scale);
        ctx.stroke();
        ctx.setLineDash([]);
      }}
    />
  );
}
