import { Line } from 'react-konva';
import type { Shape } from '../../../electron/contract';
import type { LabelState } from '../../../electron/contract/review';
import { defectColor } from '../lib/colors';
import { linkedRegion, predictedRegion } from '../review/reviewModel';
import { useLabels } from '../stores/labelStore';
import { useTaxonomy } from '../stores/taxonomyStore';
import { useTool } from '../stores/toolStore';
import { boxPreview } from '../tools/boxTool';
import { selectPreview } from '../tools/selectTool';
import type { Selection } from '../tools/types';
import { RegionShape } from './RegionShape';
import { ScreenDots } from './ScreenDots';

const DRAW_COLOR = '#ffffff';

/**
 * The region an edit reshapes, as far as its colour goes: a moved or resized region keeps the
 * colour it is drawn in (untyped ones too); undefined for a new shape.
 */
function editedRegion(
  state: LabelState | null,
  target: Selection | null,
): { defectType: string | null } | undefined {
  if (!state || !target) return undefined;
  if (target.kind === 'region') return state.regions.find((r) => r.id === target.id);
  return linkedRegion(state, target.id) ?? predictedRegion(state, target.id);
}

/** The polygon being clicked: its corners so far, the rubber band to the pointer, the first point to close on. */
function PolygonDraft({
  points,
  hover,
  color,
}: {
  points: [number, number][];
  hover: [number, number];
  color: string;
}) {
  const first = points[0];
  return (
    <>
      <Line
        points={[...points.flat(), ...hover]}
        stroke={color}
        strokeWidth={1.5}
        strokeScaleEnabled={false}
        dash={[4, 3]}
        listening={false}
      />
      <ScreenDots points={points} radius={3.5} color={color} accent={0} />
      {first && points.length >= 3 && (
        <ScreenDots points={[first]} radius={8} color={color} fill="transparent" />
      )}
    </>
  );
}

/** What a tool is doing right now, on the UI layer: the drag, the outline, the moved shape, the unsaved result. */
export function ToolPreview() {
  const machine = useTool((s) => s.machine);
  const pending = useTool((s) => s.pending);
  const drawType = useTool((s) => s.drawType);
  const colors = useTaxonomy((s) => s.colors);
  const labels = useLabels((s) => s.state);
  const color = drawType ? defectColor(colors, drawType) : DRAW_COLOR;
  const show = (shape: Shape, key: string, target: Selection | null = null) => {
    const edited = editedRegion(labels, target);
    const shown = edited ? defectColor(colors, edited.defectType) : color;
    return <RegionShape key={key} shape={shape} color={shown} style="preview" selected={false} />;
  };

  const parts = [];
  if (pending) parts.push(show(pending.shape, 'pending', pending.target));
  if (machine.tool === 'box') {
    const box = boxPreview(machine.state);
    if (box) parts.push(show(box, 'box'));
  }
  if (machine.tool === 'polygon' && machine.state.kind === 'drawing') {
    parts.push(
      <PolygonDraft key="polygon" points={machine.state.points} hover={machine.state.hover} color={color} />,
    );
  }
  if (machine.tool === 'select') {
    const moved = selectPreview(machine.state);
    if (moved) parts.push(show(moved.shape, 'moved', moved.target));
  }
  return <>{parts}</>;
}
