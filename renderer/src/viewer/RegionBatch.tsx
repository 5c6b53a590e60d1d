import type Konva from 'konva';
import { Shape } from 'react-konva';
import { drawBatch, type BatchContext, type BatchItem } from '../regions/batch';

type Props = { items: readonly BatchItem[] };

/** The part of the image on screen, in image pixels, from the stage's own transform. */
function viewOf(stage: Konva.Stage | null): { x: number; y: number; w: number; h: number; scale: number } {
  if (!stage) return { x: -Infinity, y: -Infinity, w: Infinity, h: Infinity, scale: 1 };
  const scale = stage.scaleX() || 1;
  return {
    x: -stage.x() / scale,
    y: -stage.y() / scale,
    w: stage.width() / scale,
    h: stage.height() / scale,
    scale,
  };
}

/**
 * Many regions as one Konva node: a pan or zoom repaints them in a few canvas calls, with the
 * ones off screen skipped, instead of walking thousands of nodes (the 2,000-region bench).
 */
export function RegionBatch({ items }: Props) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx, node) => {
        const view = viewOf(node.getStage());
        drawBatch(ctx as unknown as BatchContext, items, view, view.scale);
      }}
    />
  );
}
