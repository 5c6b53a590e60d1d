import { useMemo } from 'react';
import { Image as KonvaImage, Line, Rect } from 'react-konva';
import type { MaskShape, Region } from '../../../electron/contract';
import { hexToRgb } from '../lib/colors';
import { maskCanvas } from './maskCanvas';
import { RegionHalo } from './RegionHalo';
import { shapeBounds } from './regionGeometry';

type Props = { region: Region; color: string; selected: boolean };

function rgba(hex: string, alpha: number): string {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function MaskImage({ mask, color }: { mask: MaskShape; color: string }) {
  // Decoded once per mask and colour, not per frame: the layer redraws the canvas as an image.
  const canvas = useMemo(() => maskCanvas(mask, color), [mask, color]);
  return <KonvaImage image={canvas} x={mask.x} y={mask.y} width={mask.w} height={mask.h} listening={false} />;
}

/** Ground truth is drawn solid in its type's colour; strokes stay the same screen width at any zoom. */
export function RegionShape({ region, color, selected }: Props) {
  const { shape } = region;
  const style = {
    stroke: color,
    strokeWidth: selected ? 3 : 1.5,
    strokeScaleEnabled: false,
    fill: rgba(color, selected ? 0.32 : 0.22),
    listening: false,
    perfectDrawEnabled: false,
  };
  const bounds = shapeBounds(shape);
  return (
    <>
      {shape.kind === 'box' && <Rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} {...style} />}
      {shape.kind === 'polygon' && <Line points={shape.points.flat()} closed {...style} />}
      {shape.kind === 'mask' && <MaskImage mask={shape} color={color} />}
      {shape.kind === 'mask' && selected && (
        <Rect
          x={bounds.x}
          y={bounds.y}
          width={bounds.w}
          height={bounds.h}
          {...style}
          fill={undefined}
          dash={[4, 3]}
        />
      )}
      <RegionHalo bounds={bounds} color={color} />
    </>
  );
}
