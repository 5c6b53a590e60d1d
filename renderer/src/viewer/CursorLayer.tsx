import type Konva from 'konva';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Circle, Layer, Line, Rect, Shape } from 'react-konva';
import { PIXEL_GRID_SCALE } from './camera';
import { drawPixelGrid } from './pixelGrid';

export type CursorLayerHandle = {
  /** The hovered image pixel (and the exact point, for the brush outline), or null to hide the crosshair. */
  moveTo(pixel: { x: number; y: number } | null, point?: [number, number]): void;
  /** Brush diameter in image pixels, or null when no brush is active. */
  setBrush(size: number | null): void;
  /** Called on every camera change: the pixel grid shows only when pixels are big enough. */
  onScale(scale: number): void;
};

// A plain prop, not `ref`: refs do not reliably cross from React DOM into react-konva's renderer.
type Props = {
  width: number;
  height: number;
  handleRef: RefObject<CursorLayerHandle | null>;
  /** Tool previews and edit handles: the same UI layer, under the cursor marks. */
  children?: ReactNode;
};

const CROSS = 'rgba(255, 255, 255, 0.3)';

/**
 * The UI layer: tool previews and handles (children), cursor crosshair, hovered-pixel box, brush
 * outline and pixel grid; the cursor marks are moved imperatively. It listens only for the
 * box transformer's handles; everything else here has listening off.
 */
export function CursorLayer({ width, height, handleRef, children }: Props) {
  const layer = useRef<Konva.Layer>(null);
  const grid = useRef<Konva.Shape>(null);
  const across = useRef<Konva.Line>(null);
  const down = useRef<Konva.Line>(null);
  const pixel = useRef<Konva.Rect>(null);
  const brush = useRef<Konva.Circle>(null);
  const brushSize = useRef<number | null>(null);
  const scale = useRef(1);

  useEffect(() => {
    handleRef.current = {
      moveTo(p, point) {
        const visible = p !== null;
        brush.current?.visible(visible && brushSize.current !== null);
        if (point && brushSize.current !== null) brush.current?.position({ x: point[0], y: point[1] });
        across.current?.visible(visible);
        down.current?.visible(visible);
        pixel.current?.visible(visible && scale.current >= PIXEL_GRID_SCALE / 2);
        if (p) {
          across.current?.points([0, p.y + 0.5, width, p.y + 0.5]);
          down.current?.points([p.x + 0.5, 0, p.x + 0.5, height]);
          pixel.current?.position(p);
        }
        layer.current?.batchDraw();
      },
      setBrush(size) {
        brushSize.current = size;
        brush.current?.radius(Math.max(0.5, (size ?? 1) / 2));
        if (size === null) brush.current?.visible(false);
        layer.current?.batchDraw();
      },
      onScale(next) {
        scale.current = next;
        grid.current?.visible(next >= PIXEL_GRID_SCALE);
      },
    };
    return () => {
      handleRef.current = null;
    };
  }, [handleRef, width, height]);

  return (
    <Layer ref={layer}>
      {children}
      <Shape
        ref={grid}
        visible={false}
        listening={false}
        sceneFunc={(ctx, shape) => drawPixelGrid(ctx, shape, width, height)}
      />
      <Line
        ref={across}
        visible={false}
        stroke={CROSS}
        strokeWidth={1}
        strokeScaleEnabled={false}
        listening={false}
      />
      <Line
        ref={down}
        visible={false}
        stroke={CROSS}
        strokeWidth={1}
        strokeScaleEnabled={false}
        listening={false}
      />
      <Rect
        ref={pixel}
        visible={false}
        width={1}
        height={1}
        stroke="#ffffff"
        strokeWidth={1}
        strokeScaleEnabled={false}
        listening={false}
      />
      <Circle
        ref={brush}
        visible={false}
        radius={4}
        stroke="#ffffff"
        strokeWidth={1}
        strokeScaleEnabled={false}
        dash={[3, 2]}
        listening={false}
      />
    </Layer>
  );
}
