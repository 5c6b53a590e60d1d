import { useRef } from 'react';
import type { Region } from '../../../electron/contract';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ToastHost } from '../components/ToastHost';
import { JobsPanel } from '../importer/JobsPanel';
import { useKeys } from '../keys/useKeys';
import { useBrowser } from '../stores/browserStore';
import { useUi } from '../stores/uiStore';
import { useViewer } from '../stores/viewerStore';
import { ImageStage, type StageHandle } from './ImageStage';
import { RegionList } from './RegionList';
import { shapeBounds } from './regionGeometry';
import { SamplePanel } from './SamplePanel';
import { usePixelSource } from './usePixelSource';
import { ViewerToolbar } from './ViewerToolbar';
import { WindowLevelControls } from './WindowLevelControls';

const ZOOM_STEP = 1.25;

export function ViewerScreen() {
  const stage = useRef<StageHandle>(null);
  const detail = useViewer((s) => s.detail);
  const error = useViewer((s) => s.error);
  const showLabels = useViewer((s) => s.showLabels);
  const selectedRegion = useViewer((s) => s.selectedRegion);
  const jobsOpen = useUi((s) => s.jobsOpen);
  const { open, close, toggleLabels, selectRegion, setWindowLevel } = useViewer.getState();
  const { source, error: pixelError } = usePixelSource(detail);
  const regions = detail?.regions ?? [];

  const step = (delta: number) => {
    const { ids, selected, select } = useBrowser.getState();
    const next = selected + delta;
    const id = ids[next];
    if (id === undefined) return;
    select(next);
    void open(id);
  };
  const pick = (region: Region) => {
    selectRegion(region.id);
    stage.current?.frame(shapeBounds(region.shape));
  };
  const cycleRegion = (delta: number) => {
    if (!regions.length) return;
    const at = regions.findIndex((r) => r.id === selectedRegion);
    const next = regions[(at + delta + regions.length) % regions.length];
    if (next) selectRegion(next.id);
  };
  const windowDrag = (dx: number, dy: number) => {
    const windowLevel = useViewer.getState().windowLevel;
    if (!windowLevel) return;
    const k = Math.max(1, windowLevel.width / 256);
    setWindowLevel({ center: windowLevel.center - dy * k, width: Math.max(1, windowLevel.width + dx * k) });
  };

  useKeys('viewer', {
    next: () => step(1),
    previous: () => step(-1),
    back: close,
    fit: () => stage.current?.fit(),
    actual: () => stage.current?.actual(),
    zoomIn: () => stage.current?.zoomBy(ZOOM_STEP),
    zoomOut: () => stage.current?.zoomBy(1 / ZOOM_STEP),
    labels: toggleLabels,
    nextRegion: () => cycleRegion(1),
    previousRegion: () => cycleRegion(-1),
    frameRegion: () => {
      const region = regions.find((r) => r.id === selectedRegion);
      if (region) pick(region);
    },
  });

  const failure = error ?? pixelError;
  const placeholder = failure
    ? `This image cannot be shown: ${failure}`
    : `Loading ${detail?.fileName ?? 'the image'}…`;

  return (
    <div className="screen" data-testid="viewer-screen">
      <ErrorBoundary panel="toolbar">
        <ViewerToolbar
          onBack={close}
          onStep={step}
          onFit={() => stage.current?.fit()}
          onActual={() => stage.current?.actual()}
        />
      </ErrorBoundary>
      <div className={`viewer${jobsOpen ? ' viewer--jobs' : ''}`}>
        <section className="viewer__canvas" aria-label="Image">
          <ErrorBoundary panel="image">
            <ImageStage
              ref={stage}
              source={source}
              regions={regions}
              showLabels={showLabels}
              selectedRegion={selectedRegion}
              placeholder={placeholder}
              onWindowDrag={source?.applyWindow ? windowDrag : undefined}
            />
          </ErrorBoundary>
          <ToastHost area="viewer" />
        </section>
        <aside className="viewer__panel" aria-label="Image details">
          <ErrorBoundary panel="details">
            {detail ? (
              <>
                <SamplePanel detail={detail} />
                {source?.applyWindow && <WindowLevelControls />}
                <RegionList regions={regions} selected={selectedRegion} onPick={pick} />
              </>
            ) : (
              <p className="muted panel-section">{error ? 'No record for this image.' : 'Loading…'}</p>
            )}
          </ErrorBoundary>
        </aside>
        {jobsOpen && (
          <ErrorBoundary panel="jobs">
            <JobsPanel />
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
