import { withKey } from '../keys/hint';
import { useKeymap } from '../keys/keymapStore';
import { formatCount } from '../lib/format';
import { useBrowser } from '../stores/browserStore';
import { useProject } from '../stores/projectStore';
import { useReview } from '../stores/reviewStore';
import { useUi } from '../stores/uiStore';
import { useViewer } from '../stores/viewerStore';
import { HeatmapControls } from './HeatmapControls';
import { step } from './navigation';
import { ToolPalette } from './ToolPalette';
import { fileCaption } from '../lib/fileCaption';

type Props = { onFit(): void; onActual(): void };

function Position() {
  const reviewing = useReview((s) => s.active);
  const index = useReview((s) => s.index);
  const queued = useReview((s) => s.ids.length);
  const selected = useBrowser((s) => s.selected);
  const count = useBrowser((s) => s.total);
  const at = reviewing ? index : selected;
  const total = reviewing ? queued : count;
  return (
    <>
      {reviewing && (
        <span className="tag tag--review" data-testid="review-mode">
          Review
        </span>
      )}
      <span className="toolbar__counts" data-testid="viewer-position">
        {at >= 0 ? formatCount(at + 1) : '–'} <span className="muted">/ {formatCount(total)}</span>
      </span>
      <div className="btn-group">
        <button
          type="button"
          className="btn"
          onClick={() => step(-1)}
          disabled={at <= 0}
          title={withKey('Previous', 'previous')}
        >
          ‹
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => step(1)}
          disabled={at >= total - 1}
          title={withKey('Next', 'next')}
        >
          ›
        </button>
      </div>
    </>
  );
}

export function ViewerToolbar({ onFit, onActual }: Props) {
  useKeymap((s) => s.keymap);
  const project = useProject((s) => s.project);
  const detail = useViewer((s) => s.detail);
  const showLabels = useViewer((s) => s.showLabels);
  const toggleLabels = useViewer((s) => s.toggleLabels);
  const setUi = useUi((s) => s.set);
  const back = () => {
    useReview.getState().stop();
    useViewer.getState().close();
  };
  return (
    <header className="toolbar toolbar--viewer" data-testid="viewer-toolbar">
      <button
        type="button"
        className="btn"
        onClick={back}
        title={withKey('Back to the grid', 'back')}
        data-testid="viewer-back"
      >
        ◂ Grid
      </button>
      <nav className="crumbs" aria-label="Location">
        <span className="crumbs__project">{project?.name}</span>
        <span className="crumbs__sep">▸</span>
        <span className="crumbs__file" title={detail?.relPath}>
          <bdi>{detail ? fileCaption(detail.fileName, detail.relPath) : '…'}</bdi>
        </span>
      </nav>
      <Position />
      <span className="toolbar__sep" />
      <ToolPalette />
      <span className="toolbar__spacer" />
      <HeatmapControls />
      <div className="btn-group">
        <button type="button" className="btn" onClick={onFit} title={withKey('Fit', 'fit')}>
          Fit
        </button>
        <button type="button" className="btn" onClick={onActual} title={withKey('Actual pixels', 'actual')}>
          1:1
        </button>
      </div>
      <button
        type="button"
        className={`btn${showLabels ? ' is-on' : ''}`}
        aria-pressed={showLabels}
        onClick={toggleLabels}
        title={withKey('Show or hide the labels', 'labels')}
        data-testid="toggle-labels"
      >
        Labels
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setUi({ historyOpen: !useUi.getState().historyOpen })}
        title={withKey('History of this image', 'history')}
        data-testid="history-button"
      >
        History
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setUi({ shortcutsOpen: true })}
        title={withKey('Keyboard shortcuts', 'help', 'global')}
      >
        ?
      </button>
    </header>
  );
}
