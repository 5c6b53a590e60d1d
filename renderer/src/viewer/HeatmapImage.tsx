import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Image as KonvaImage } from 'react-konva';
import { useOverlay } from '../stores/overlayStore';
import { applyThreshold } from './heatmap';
import type { HeatmapSource } from './useHeatmap';

type Props = { source: HeatmapSource; width: number; height: number };

/** The anomaly map stretched over the image; threshold and opacity repaint it without React work. */
export function HeatmapImage({ source, width, height }: Props) {
  const node = useRef<Konva.Image>(null);
  const visible = useOverlay((s) => s.heatmap);
  const opacity = useOverlay((s) => s.opacity);
  const threshold = useOverlay((s) => s.threshold);
  useEffect(() => {
    const ctx = source.canvas.getContext('2d');
    if (!ctx) return;
    const shown = ctx.createImageData(source.original.width, source.original.height);
    applyThreshold(source.original.data, shown.data, threshold);
    ctx.putImageData(shown, 0, 0);
    node.current?.getLayer()?.batchDraw();
  }, [source, threshold]);
  return (
    <KonvaImage
      ref={node}
      image={source.canvas}
      width={width}
      height={height}
      opacity={opacity}
      visible={visible}
      listening={false}
    />
  );
}
