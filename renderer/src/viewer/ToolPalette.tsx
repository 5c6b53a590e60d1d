import { keyCap, withKey } from '../keys/hint';
import { useTool } from '../stores/toolStore';
import type { ToolName } from '../tools/machine';

const tools: { name: ToolName; action: string; icon: string; label: string }[] = [
  { name: 'select', action: 'toolSelect', icon: '↖', label: 'Select, move, resize' },
  { name: 'box', action: 'toolBox', icon: '▭', label: 'Box' },
  { name: 'polygon', action: 'toolPolygon', icon: '⬠', label: 'Polygon' },
  { name: 'brush', action: 'toolBrush', icon: '●', label: 'Brush (mask)' },
  { name: 'eraser', action: 'toolEraser', icon: '◌', label: 'Eraser (mask)' },
];

/** V R P B E and the brush size ([ ]). */
export function ToolPalette() {
  const active = useTool((s) => s.tool);
  const brushSize = useTool((s) => s.brushSize);
  const setTool = useTool((s) => s.setTool);
  return (
    <div className="tools" role="toolbar" aria-label="Tools">
      <div className="btn-group">
        {tools.map((t) => (
          <button
            key={t.name}
            type="button"
            className={`btn tool${active === t.name ? ' is-on' : ''}`}
            aria-pressed={active === t.name}
            onClick={() => setTool(t.name)}
            title={withKey(t.label, t.action)}
            data-testid={`tool-${t.name}`}
          >
            <span aria-hidden>{t.icon}</span>
            <kbd>{keyCap(t.action)}</kbd>
          </button>
        ))}
      </div>
      {(active === 'brush' || active === 'eraser') && (
        <span
          className="tools__size"
          title={`${withKey('Smaller', 'brushSmaller')} · ${withKey('Larger', 'brushLarger')}`}
          data-testid="brush-size"
        >
          {brushSize} px
        </span>
      )}
    </div>
  );
}
