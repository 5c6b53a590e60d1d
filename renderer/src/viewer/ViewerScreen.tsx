import { useRef } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ToastHost } from '../components/ToastHost';
import { JobsPanel } from '../importer/JobsPanel';
import { shapeBounds } from '../regions';
import { HistoryPanel } from '../review/HistoryPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { editableOf } from '../review/reviewModel';
import { TypePicker } from '../review/TypePicker';
import { useLabels } from '../stores/labelStore';
import { useStrip } from '../stores/stripStore';
import { useUi } from '../stores/uiStore';
import { useViewer } from '../stores/viewerStore';
import type { Selection } from '../tools/types';
import { Filmstrip } from './Filmstrip';
import { ImageStage, type StageHandle } from './ImageStage';
import { usePixelSource } from './usePixelSource';
import { useViewerKeys } from './useViewerKeys';
import { ViewerToolbar } from './ViewerToolbar';
import { WindowLevelControls } from './WindowLevelControls';

export function ViewerScreen() {
  const stage = useRef<StageHandle>(null);
  const detail = useViewer((s) => s.detail);
  const error = useViewer((s) => s.error);
  const jobsOpen = useUi((s) => s.jobsOpen);
  const historyOpen = useUi((s) => s.historyOpen);
  const typePickerOpen = useUi((s) => s.typePickerOpen);
  const stripOpen = useStrip((s) => s.open);
  const { setWindowLevel, select } = useViewer.getState();
  const { source, error: pixelError } = usePixelSource(detail);

  const frame = (selection: Selection | null) => {
    const state = useLabels.getState().state;
    const edit = state ? editableOf(state, selection) : null;
    if (edit) stage.current?.frame(shapeBounds(edit.shape));
  };
  const pick = (selection: Selection) => {
    select(selection);
    frame(selection);
  };
  const windowDrag = (dx: number, dy: number) => {
    const windowLevel = useViewer.getState().windowLevel;
    if (!windowLevel) return;
    const k = Math.max(1, windowLevel.width / 256);
    setWindowLevel({ center: windowLevel.center - dy * k, width: Math.max(1, windowLevel.width + dx * k) });
  };
  useViewerKeys(stage, frame);

  const failure = error ?? pixelError;
  const placeholder = failure
    ? `This image cannot be shown: ${failure}`
    : `Loading ${detail?.fileName ?? 'the image'}…`;
  const columns = `viewer${stripOpen ? ' viewer--strip' : ''}${historyOpen ? ' viewer--history' : ''}${jobsOpen ? ' viewer--jobs' : ''}`;

  return (
    // A clicked button never keeps the focus: the review keys (Tab included) keep working after a click.
    <div
      className="screen"
      data-testid="viewer-screen"
      onMouseDown={(e) => (e.target as HTMLElement).closest('button') && e.preventDefault()}
    >
      <ErrorBoundary panel="toolbar">
        <ViewerToolbar onFit={() => stage.current?.fit()} onActual={() => stage.current?.actual()} />
      </ErrorBoundary>
      <div className={columns}>
        {stripOpen && (
          <ErrorBoundary panel="image strip">
            <Filmstrip />
          </ErrorBoundary>
        )}
        <section className="viewer__canvas" aria-label="Image">
          <ErrorBoundary panel="image">
            <ImageStage
              ref={stage}
              source={source}
              placeholder={placeholder}
              onWindowDrag={source?.applyWindow ? windowDrag : undefined}
            />
          </ErrorBoundary>
          <ToastHost area="viewer" />
        </section>
        <aside className="viewer__panel" aria-label="Review" data-testid="review-panel">
          <ErrorBoundary panel="review">
            {detail ? (
              <>
                {source?.applyWindow && <WindowLevelControls />}
                <ReviewPanel detail={detail} onPick={pick} />
              </>
            ) : (
              <p className="muted panel-section">{error ? 'No record for this image.' : 'Loading…'}</p>
            )}
          </ErrorBoundary>
        </aside>
        {historyOpen && (
          <ErrorBoundary panel="history">
            <HistoryPanel />
          </ErrorBoundary>
        )}
        {jobsOpen && (
          <ErrorBoundary panel="jobs">
            <JobsPanel />
          </ErrorBoundary>
        )}
      </div>
      {typePickerOpen && <TypePicker onClose={() => useUi.getState().set({ typePickerOpen: false })} />}
    </div>
  );
}
