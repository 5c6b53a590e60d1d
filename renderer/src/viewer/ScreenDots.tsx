import { Shape } from 'react-konva';
import { spacedPoints } from './spacedPoints';

type Props = {
  points: readonly (readonly [number, number])[];
  /** Radius in screen pixels, whatever the zoom. */
  radius: number;
  color: string;
  fill?: string;
  /** One point drawn filled in the colour: the first point to close on, the picked corner. */
  accent?: number;
  square?: boolean;
  /** Screen pixels between drawn handles: closer points of a dense outline are left undrawn. */
  minGap?: number;
};

/** Handles of a fixed screen size at image points, sized at draw time (zooming re-renders nothing). */
export function ScreenDots({
  points,
  radius,
  color,
  fill = '#111316',
  accent = -1,
  square = false,
  minGap = 0,
}: Props) {
  return (
    <Shape
      listening={false}
      sceneFunc={(ctx, node) => {
        const scale = node.getStage()?.scaleX() ?? 1;
        const r = radius / scale;
        ctx.setAttr('lineWidth', 1.5 / scale);
        ctx.setAttr('strokeStyle', color);
        const drawn = minGap > 0 ? spacedPoints(points, minGap / scale, accent) : points.map((_, i) => i);
        drawn.forEach((i) => {
          const [x, y] = points[i]!;
          ctx.beginPath();
          if (square) ctx.rect(x - r, y - r, r * 2, r * 2);
          else ctx.arc(x, y, r, 0, Math.PI * 2);
          ctx.setAttr('fillStyle', i === accent ? color : fill);
          ctx.fill();
          ctx.stroke();
        });
      }}
    />
  );
}
