import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Image as KonvaImage } from 'react-konva';
import { defectColor, hexToRgb } from '../lib/colors';
import type { Rect } from '../regions/types';
import { useTaxonomy } from '../stores/taxonomyStore';
import { useTool } from '../stores/toolStore';
import type { MaskBuffer } from '../tools/maskBuffer';
import { onPaint } from './paintSignal';

const ALPHA = 150;

/** Copies the buffer's pixels in `rect` (image pixels) into the canvas that mirrors it. */
function repaint(
  canvas: HTMLCanvasElement,
  buffer: MaskBuffer,
  rect: Rect,
  rgb: [number, number, number],
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const x0 = Math.max(0, rect.x - buffer.x);
  const y0 = Math.max(0, rect.y - buffer.y);
  const w = Math.min(buffer.w - x0, rect.w);
  const h = Math.min(buffer.h - y0, rect.h);
  if (w <= 0 || h <= 0) return;
  const image = ctx.createImageData(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!buffer.bits[(y0 + y) * buffer.w + x0 + x]) continue;
      const o = (y * w + x) * 4;
      image.data[o] = rgb[0];
      image.data[o + 1] = rgb[1];
      image.data[o + 2] = rgb[2];
      image.data[o + 3] = ALPHA;
    }
  }
  ctx.putImageData(image, x0, y0);
}

/**
 * The stroke being painted: a canvas the size of the brush's working buffer, repainted only
 * where each pointer event changed pixels, so a stroke on a 20 MP image stays cheap.
 */
export function BrushPreview() {
  const machine = useTool((s) => s.machine);
  const drawType = useTool((s) => s.drawType);
  const colors = useTaxonomy((s) => s.colors);
  const node = useRef<Konva.Image>(null);
  const painting =
    (machine.tool === 'brush' || machine.tool === 'eraser') && machine.state.kind === 'painting'
      ? machine.state
      : null;
  const buffer = painting?.buffer ?? null;
  const canvas = useRef<{ buffer: MaskBuffer; generation: number; canvas: HTMLCanvasElement } | null>(null);
  const rgb = hexToRgb(drawType ? defectColor(colors, drawType) : '#ffffff');
  const color = rgb.join(',');

  useEffect(() => {
    if (!buffer) {
      canvas.current = null;
      return;
    }
    const sync = (rect: Rect | null) => {
      let mirror = canvas.current;
      if (!mirror || mirror.buffer !== buffer || mirror.generation !== buffer.generation) {
        const element = document.createElement('canvas');
        element.width = Math.max(1, buffer.w);
        element.height = Math.max(1, buffer.h);
        mirror = canvas.current = { buffer, generation: buffer.generation, canvas: element };
        rect = null;
      }
      const rgbNow = color.split(',').map(Number) as [number, number, number];
      repaint(mirror.canvas, buffer, rect ?? { x: buffer.x, y: buffer.y, w: buffer.w, h: buffer.h }, rgbNow);
      const image = node.current;
      if (image) {
        image.setAttrs({ image: mirror.canvas, x: buffer.x, y: buffer.y, width: buffer.w, height: buffer.h });
        image.getLayer()?.batchDraw();
      }
    };
    sync(null);
    return onPaint(sync);
  }, [buffer, color]);

  if (!buffer) return null;
  return <KonvaImage ref={node} image={undefined} listening={false} />;
}
