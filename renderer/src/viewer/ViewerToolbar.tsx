import { formatCount } from '../lib/format';
import { useBrowser } from '../stores/browserStore';
import { useProject } from '../stores/projectStore';
import { useUi } from '../stores/uiStore';
import { useViewer } from '../stores/viewerStore';

type Props = { onBack(): void; onStep(delta: number): void; onFit(): void; onActual(): void };

export function ViewerToolbar({ onBack, onStep, onFit, onActual }: Props) {
  const project = useProject((s) => s.project);
  const detail = useViewer((s) => s.detail);
  const showLabels = useViewer((s) => s.showLabels);
  const toggleLabels = useViewer((s) => s.toggleLabels);
  const selected = useBrowser((s) => s.selected);
  const count = useBrowser((s) => s.ids.length);
  const setUi = useUi((s) => s.set);
  return (
    <header className="toolbar" data-testid="viewer-toolbar">
      <button
        type="button"
        className="btn"
        onClick={onBack}
        title="Back to the grid (Esc)"
        data-testid="viewer-back"
      >
        ◂ Grid
      </button>
      <nav className="crumbs" aria-label="Location">
        <span className="crumbs__project">{project?.name}</span>
        <span className="crumbs__sep">▸</span>
        <span className="crumbs__file" title={detail?.relPath}>
          {detail?.fileName ?? '…'}
        </span>
      </nav>
      <span className="toolbar__counts" data-testid="viewer-position">
        {selected >= 0 ? formatCount(selected + 1) : '–'}{' '}
        <span className="muted">/ {formatCount(count)}</span>
      </span>
      <div className="btn-group">
        <button
          type="button"
          className="btn"
          onClick={() => onStep(-1)}
          disabled={selected <= 0}
          title="Previous (A or ←)"
        >
          ‹
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onStep(1)}
          disabled={selected >= count - 1}
          title="Next (D or →)"
        >
          ›
        </button>
      </div>
      <span className="toolbar__spacer" />
      <div className="btn-group">
        <button type="button" className="btn" onClick={onFit} title="Fit (F)">
          Fit
        </button>
        <button type="button" className="btn" onClick={onActual} title="Actual pixels (Ctrl+0 or 1)">
          1:1
        </button>
      </div>
      <button
        type="button"
        className={`btn${showLabels ? ' is-on' : ''}`}
        aria-pressed={showLabels}
        onClick={toggleLabels}
        title="Show or hide the labels (L)"
        data-testid="toggle-labels"
      >
        Labels
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setUi({ shortcutsOpen: true })}
        title="Keyboard shortcuts (F1 or ?)"
      >
        ?
      </button>
    </header>
  );
}
