import type Konva from 'konva';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { Image as KonvaImage, Layer, Stage } from 'react-konva';
import { publishReadout, type Camera } from '../lib/readout';
import { useSize } from '../lib/useSize';
import { useLabels } from '../stores/labelStore';
import { useOverlay } from '../stores/overlayStore';
import { useTool } from '../stores/toolStore';
import { useViewer } from '../stores/viewerStore';
import { BrushPreview } from './BrushPreview';
import { fit, frameRect, toImage, wheelFactor, zoomAt, zoomTo, type Rect } from './camera';
import { CursorLayer, type CursorLayerHandle } from './CursorLayer';
import { EditHandles } from './EditHandles';
import { hiddenRegion, selectedIds } from './editTarget';
import { LabelsLayer } from './LabelsLayer';
import { MissedBanner } from './MissedBanner';
import { OverlayLayer } from './OverlayLayer';
import type { PixelSource } from './pixelSource';
import { ToolPreview } from './ToolPreview';
import { useHeatmap } from './useHeatmap';
import { useStageInput } from './useStageInput';
import { useToolPointer } from './useToolPointer';
import { useWindowLevelPaint } from './useWindowLevelPaint';

export type StageHandle = {
  fit(): void;
  actual(): void;
  zoomBy(factor: number): void;
  frame(rect: Rect): void;
};

type Props = {
  source: PixelSource | null;
  placeholder: string;
  onWindowDrag?(dx: number, dy: number): void;
};

export const ImageStage = forwardRef<StageHandle, Props>(function ImageStage(props, ref) {
  const { source, placeholder, onWindowDrag } = props;
  const box = useRef<HTMLDivElement>(null);
  const view = useSize(box);
  const stage = useRef<Konva.Stage>(null);
  const imageLayer = useRef<Konva.Layer>(null);
  const cursor = useRef<CursorLayerHandle>(null);
  const camera = useRef<Camera>({ scale: 1, x: 0, y: 0 });
  // While the user has not zoomed or panned, a resize keeps the image fitted.
  const fitted = useRef(true);

  const labelState = useLabels((s) => s.state);
  const audit = useLabels((s) => s.audit);
  const showLabels = useViewer((s) => s.showLabels);
  const selection = useViewer((s) => s.selection);
  const toolName = useTool((s) => s.tool);
  const heatmapOn = useOverlay((s) => s.heatmap);
  // Never one image with another's labels: the label must be for the pixels on screen.
  const state = source && labelState?.sampleId === source.sampleId ? labelState : null;
  const prediction = state?.prediction ?? null;
  const heatmap = useHeatmap(
    state?.sampleId ?? null,
    prediction?.id ?? null,
    prediction?.anomalyMapPath ?? null,
    !audit && heatmapOn,
  );
  // A number, not the tool state: a brush stroke's pointer events must not re-render the stage.
  const hidden = useTool((s) => hiddenRegion(state, s.machine, s.pending));
  // With the heatmap switched off nothing is loaded, but the controls stay to switch it back on.
  const hasMap = heatmap !== null || (!heatmapOn && !audit && prediction !== null);
  useEffect(() => {
    useOverlay.getState().setAvailable(hasMap);
  }, [hasMap]);
  useEffect(() => () => useOverlay.getState().setAvailable(false), []);
  const selected = selectedIds(state, selection);

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
    cursor.current?.moveTo({ x, y }, at);
    publishReadout({ cursor: `x ${x}  y ${y}  = ${source.valueAt(x, y)}` });
  };

  const fittedTo = useRef<PixelSource | null>(null);
  useEffect(() => {
    if (!source || view.width === 0) return;
    const before = fittedTo.current;
    // Another image of the same size keeps the zoom and position (comparing parts side by side);
    // any other new image starts fitted; a resize refits only if the user left the fit alone.
    const sameSize = before !== null && before.width === source.width && before.height === source.height;
    if ((before !== source && !sameSize) || fitted.current) apply(fit(view, source), true);
    if (before !== source) hover(pointer.current);
    fittedTo.current = source;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hover reads the same source; it need not re-run this
  }, [source, view, apply]);
  useEffect(() => () => publishReadout({ camera: null, cursor: null }), []);

  useWindowLevelPaint(source, imageLayer);

  const tool = useToolPointer(stage, camera, cursor);
  useStageInput(box, {
    zoom: (deltaY, mode, x, y) => apply(zoomAt(camera.current, wheelFactor(deltaY, mode), x, y)),
    pan: (dx, dy) => apply({ ...camera.current, x: camera.current.x + dx, y: camera.current.y + dy }),
    windowDrag: onWindowDrag,
    hover,
    tool: source && state ? tool : undefined,
  });

  const image = useMemo(() => (source ? { width: source.width, height: source.height } : null), [source]);
  return (
    <div
      ref={box}
      className={`stage stage--${toolName}`}
      data-testid="viewer-stage"
      data-loaded={source ? 'true' : 'false'}
      data-sample-id={state?.sampleId ?? ''}
      data-revision={state?.revision ?? ''}
    >
      {view.width > 0 && (
        <Stage ref={stage} width={view.width} height={view.height}>
          <Layer ref={imageLayer} listening={false}>
            {source && <KonvaImage image={source.image} width={source.width} height={source.height} />}
          </Layer>
          <OverlayLayer
            state={state}
            audit={audit}
            heatmap={heatmap}
            image={image}
            selected={selected.prediction}
            hidden={null}
          />
          <LabelsLayer
            regions={state?.regions ?? []}
            visible={showLabels}
            selected={selected.region}
            hidden={hidden}
          />
          <CursorLayer width={source?.width ?? 0} height={source?.height ?? 0} handleRef={cursor}>
            {state && image && <EditHandles state={state} audit={audit} image={image} />}
            <ToolPreview />
            <BrushPreview />
          </CursorLayer>
        </Stage>
      )}
      {!source && <div className="stage__note">{placeholder}</div>}
      {source && <MissedBanner />}
    </div>
  );
});
