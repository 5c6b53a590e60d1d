import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Rect, Transformer } from 'react-konva';
import type { BoxShape, MaskShape } from '../../../electron/contract';
import type { LabelState } from '../../../electron/contract/review';
import { kindOf } from '../regions';
import { editableOf } from '../review/reviewModel';
import { useTool } from '../stores/toolStore';
import { useViewer } from '../stores/viewerStore';
import { dispatchTool } from './toolRunner';
import { ScreenDots } from './ScreenDots';

type Props = { state: LabelState; audit: boolean; image: { width: number; height: number } };

const HANDLE = '#ffffff';

/**
 * Resize handles on the selected box or mask (Konva's transformer around its bounds); the shape
 * stretched to the new bounds goes to the select tool, so a resize is one undoable edit.
 */
function ResizeHandles({ shape, image }: { shape: BoxShape | MaskShape; image: Props['image'] }) {
  const proxy = useRef<Konva.Rect>(null);
  const transformer = useRef<Konva.Transformer>(null);
  useEffect(() => {
    if (proxy.current && transformer.current) {
      transformer.current.nodes([proxy.current]);
      transformer.current.getLayer()?.batchDraw();
    }
  }, [shape.x, shape.y, shape.w, shape.h]);
  const frame = useRef(0);
  /** The handles' frame as it stands, in whole pixels inside the image. */
  const frameOf = (node: Konva.Rect) => {
    const x0 = Math.max(0, Math.round(node.x()));
    const y0 = Math.max(0, Math.round(node.y()));
    const x1 = Math.min(image.width, Math.round(node.x() + node.width() * node.scaleX()));
    const y1 = Math.min(image.height, Math.round(node.y() + node.height() * node.scaleY()));
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  };
  // The new shape is drawn while the handle moves, at most once a frame: a mask is resampled each time.
  const live = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const to = proxy.current && frameOf(proxy.current);
      // A frame squeezed to nothing is left to the end of the drag, which refuses it with a reason.
      if (to && to.w >= 1 && to.h >= 1)
        dispatchTool({ type: 'transforming', shape: kindOf(shape).resize(shape, to) });
    });
  };
  const done = () => {
    const node = proxy.current;
    if (!node) return;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    const to = frameOf(node);
    node.setAttrs({ x: shape.x, y: shape.y, width: shape.w, height: shape.h, scaleX: 1, scaleY: 1 });
    dispatchTool({ type: 'transformed', shape: kindOf(shape).resize(shape, to) });
  };
  return (
    <>
      <Rect ref={proxy} x={shape.x} y={shape.y} width={shape.w} height={shape.h} listening={false} />
      <Transformer
        ref={transformer}
        rotateEnabled={false}
        flipEnabled={false}
        keepRatio={false}
        ignoreStroke
        anchorSize={8}
        anchorStroke={HANDLE}
        anchorFill="#111316"
        // A selected mask outlines its own bounds; a second dashed line on it would only flicker.
        borderEnabled={shape.kind === 'box'}
        borderStroke={HANDLE}
        borderDash={[3, 3]}
        onTransform={live}
        onTransformEnd={done}
      />
    </>
  );
}

/** With V: the selected box or mask gets resize handles, the selected polygon its corner handles. */
export function EditHandles({ state, audit, image }: Props) {
  const tool = useTool((s) => s.tool);
  const machine = useTool((s) => s.machine);
  const pending = useTool((s) => s.pending);
  const selection = useViewer((s) => s.selection);
  if (tool !== 'select' || pending || machine.state.kind === 'moving') return null;
  const edit = editableOf(state, audit && selection?.kind === 'prediction' ? null : selection);
  if (!edit) return null;
  const shape =
    machine.tool === 'select' && machine.state.kind === 'vertex' ? machine.state.current : edit.shape;
  if (shape.kind === 'box' || shape.kind === 'mask') return <ResizeHandles shape={shape} image={image} />;
  if (shape.kind !== 'polygon') return null;
  const picked =
    machine.tool === 'select' && machine.state.kind === 'idle' && machine.state.vertex
      ? machine.state.vertex.index
      : machine.state.kind === 'vertex'
        ? machine.state.index
        : -1;
  // A traced outline can put a corner every few screen pixels: draw a handle per 12 px of it.
  return <ScreenDots points={shape.points} radius={4} color={HANDLE} accent={picked} square minGap={12} />;
}
