import type Konva from 'konva';

/**
 * Outlines each image pixel at high zoom. Only the lines inside the view are drawn, computed from
 * the stage transform at draw time, so panning needs no React work at all.
 */
export function drawPixelGrid(ctx: Konva.Context, shape: Konva.Shape, width: number, height: number): void {
  const stage = shape.getStage();
  if (!stage) return;
  const s = stage.scaleX();
  const x0 = Math.max(0, Math.floor(-stage.x() / s));
  const y0 = Math.max(0, Math.floor(-stage.y() / s));
  const x1 = Math.min(width, Math.ceil((stage.width() - stage.x()) / s));
  const y1 = Math.min(height, Math.ceil((stage.height() - stage.y()) / s));
  ctx.beginPath();
  for (let x = x0; x <= x1; x++) {
    ctx.moveTo(x, y0);
    ctx.lineTo(x, y1);
  }
  for (let y = y0; y <= y1; y++) {
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
  }
  ctx.setAttr('strokeStyle', 'rgba(0, 0, 0, 0.3)');
  ctx.setAttr('lineWidth', 1 / s);
  ctx.stroke();
}
