import type Konva from 'konva';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef } from 'react';
import { Image as KonvaImage, Layer, Stage } from 'react-konva';
import type { Region, RegionId } from '../../../electron/contract';
import { publishReadout, type Camera } from '../lib/readout';
import { useSize } from '../lib/useSize';
import { fit, frameRect, toImage, wheelFactor, zoomAt, zoomTo, type Rect } from './camera';
import { CursorLayer, type CursorLayerHandle } from './CursorLayer';
import { LabelsLayer } from './LabelsLayer';
import type { PixelSource } from './pixelSource';
import { useStageInput } from './useStageInput';
import { useWindowLevelPaint } from './useWindowLevelPaint';

export type StageHandle = {
  fit(): void;
  actual(): void;
  zoomBy(factor: number): void;
  frame(rect: Rect): void;
};

type Props = {
  source: PixelSource | null;
  regions: Region[];
  showLabels: boolean;
  selectedRegion: RegionId | null;
  placeholder: string;
  onWindowDrag?(dx: number, dy: number): void;
};

export const ImageStage = forwardRef<StageHandle, Props>(function ImageStage(props, ref) {
  const { source, regions, showLabels, selectedRegion, placeholder, onWindowDrag } = props;
  const box = useRef<HTMLDivElement>(null);
  const view = useSize(box);
  const stage = useRef<Konva.Stage>(null);
  const imageLayer = useRef<Konva.Layer>(null);
  const cursor = useRef<CursorLayerHandle>(null);
  const camera = useRef<Camera>({ scale: 1, x: 0, y: 0 });
  // While the user has not zoomed or panned, a resize keeps the image fitted.
  const fitted = useRef(true);

  const apply = useCallback((next: Camera, keepFit = false) => {
    camera.current = next;
    fitted.current = keepFit;
    const s = stage.current;
    if (!s) return;
    s.scale({ x: next.scale, y: next.scale });
    s.position({ x: next.x, y: next.y });
    const smooth = next.scale <= 1;
    if (imageLayer.current && imageLayer.current.imageSmoothingEnabled() !== smooth) {
      imageLayer.current.imageSmoothingEnabled(smooth);
    }
    cursor.current?.onScale(next.scale);
    s.batchDraw();
    const el = box.current;
    if (el) Object.assign(el.dataset, { scale: String(next.scale), x: String(next.x), y: String(next.y) });
    publishReadout({ camera: next });
  }, []);

  const centre = () => ({ x: view.width / 2, y: view.height / 2 });
  const handle: StageHandle = {
    fit: () => source && apply(fit(view, source), true),
    actual: () => apply(zoomTo(camera.current, 1, centre().x, centre().y)),
    zoomBy: (factor) => apply(zoomAt(camera.current, factor, centre().x, centre().y)),
    frame: (rect) => apply(frameRect(view, rect, 48, 16)),
  };
  useImperativeHandle(ref, () => handle);

  const pointer = useRef<{ x: number; y: number } | null>(null);
  const hover = (point: { x: number; y: number } | null) => {
    pointer.current = point;
    const at = point && source ? toImage(camera.current, point.x, point.y) : null;
    if (!source || !at || at[0] < 0 || at[1] < 0 || at[0] >= source.width || at[1] >= source.height) {
      cursor.current?.moveTo(null);
      publishReadout({ cursor: null });
      return;
    }
    const x = Math.floor(at[0]);
    const y = Math.floor(at[1]);
    cursor.current?.moveTo({ x, y });
    publishReadout({ cursor: `x ${x}  y ${y}  = ${source.valueAt(x, y)}` });
  };

  const fittedTo = useRef<PixelSource | null>(null);
  useEffect(() => {
    if (!source || view.width === 0) return;
    // A new image always starts fitted; a resize refits only if the user left the fit alone.
    if (fittedTo.current !== source || fitted.current) apply(fit(view, source), true);
    if (fittedTo.current !== source) hover(pointer.current);
    fittedTo.current = source;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hover reads the same source; it need not re-run this
  }, [source, view, apply]);
  useEffect(() => () => publishReadout({ camera: null, cursor: null }), []);

  useWindowLevelPaint(source, imageLayer);

  useStageInput(box, {
    zoom: (deltaY, mode, x, y) => apply(zoomAt(camera.current, wheelFactor(deltaY, mode), x, y)),
    pan: (dx, dy) => apply({ ...camera.current, x: camera.current.x + dx, y: camera.current.y + dy }),
    windowDrag: onWindowDrag,
    hover,
  });

  return (
    <div ref={box} className="stage" data-testid="viewer-stage" data-loaded={source ? 'true' : 'false'}>
      {view.width > 0 && (
        <Stage ref={stage} width={view.width} height={view.height}>
          <Layer ref={imageLayer} listening={false}>
            {source && <KonvaImage image={source.image} width={source.width} height={source.height} />}
          </Layer>
          {/* Reserved for the heatmap and predicted regions; fixed in the stack so the order never shifts. */}
          <Layer listening={false} />
          <LabelsLayer regions={source ? regions : []} visible={showLabels} selected={selectedRegion} />
          <CursorLayer width={source?.width ?? 0} height={source?.height ?? 0} handleRef={cursor} />
        </Stage>
      )}
      {!source && <div className="stage__note">{placeholder}</div>}
    </div>
  );
});
