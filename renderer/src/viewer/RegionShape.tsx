import { Shape as KonvaShape } from 'react-konva';
import type { Shape } from '../../../electron/contract';
import { kindOf, shapeBounds } from '../regions';
import type { DrawContext, Look } from '../regions/types';
import { RegionHalo } from './RegionHalo';

export type RegionStyle = 'label' | 'prediction' | 'decided' | 'preview';

type Props = { shape: Shape; color: string; style: RegionStyle; selected: boolean };

/** Screen pixels; divided by the zoom at draw time, so lines stay thin at any zoom. */
function lookFor(style: RegionStyle, selected: boolean, color: string, scale: number): Look {
  const px = (n: number) => n / scale;
  const dashed = style === 'prediction' || style === 'decided';
  return {
    color,
    fillAlpha: style === 'label' ? (selected ? 0.32 : 0.22) : style === 'preview' ? 0.18 : 0,
    lineWidth: px(selected ? 2.5 : 1.5),
    dash: dashed ? [px(6), px(4)] : selected || style === 'preview' ? [px(4), px(3)] : null,
    alpha: style === 'decided' && !selected ? 0.4 : 1,
  };
}

/**
 * One region drawn by its kind's module: labels solid in the type colour, predictions dashed,
 * decided predictions faint, the selected one thicker over a light halo. Drawn from the stage
 * scale at paint time, so zooming re-renders nothing in React.
 */
export function RegionShape({ shape, color, style, selected }: Props) {
  const kind = kindOf(shape);
  return (
    <>
      <KonvaShape
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(ctx, node) => {
          const scale = node.getStage()?.scaleX() ?? 1;
          const draw = ctx as unknown as DrawContext;
          if (selected && shape.kind !== 'mask') {
            kind.draw(draw, shape, {
              color: '#ffffff',
              fillAlpha: 0,
              lineWidth: 5 / scale,
              dash: null,
              alpha: 0.55,
            });
          }
          kind.draw(draw, shape, lookFor(style, selected, color, scale));
        }}
      />
      <RegionHalo bounds={shapeBounds(shape)} color={color} />
    </>
  );
}
