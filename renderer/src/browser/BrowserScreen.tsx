import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ToastHost } from '../components/ToastHost';
import { useKeys } from '../keys/useKeys';
import { useBrowser } from '../stores/browserStore';
import { useUi } from '../stores/uiStore';
import { startReview } from '../viewer/navigation';
import { BrowserToolbar } from './BrowserToolbar';
import { FilterSidebar } from './FilterSidebar';
import { GridEmpty } from './GridEmpty';
import { ThumbGrid } from './ThumbGrid';

// Opened on a key or a click, never part of the first screen.
const JobsPanel = lazy(() => import('../importer/JobsPanel').then((m) => ({ default: m.JobsPanel })));

export function BrowserScreen() {
  const hasIds = useBrowser((s) => s.ids.length > 0);
  const jobsOpen = useUi((s) => s.jobsOpen);
  const setUi = useUi((s) => s.set);
  useKeys('browser', { import: () => setUi({ importOpen: true }), review: () => void startReview() });
  return (
    <div className="screen" data-testid="browser-screen">
      <ErrorBoundary panel="toolbar">
        <BrowserToolbar />
      </ErrorBoundary>
      <div className={`browser${jobsOpen ? ' browser--jobs' : ''}`}>
        <ErrorBoundary panel="filter">
          <FilterSidebar />
        </ErrorBoundary>
        <section className="browser__grid" aria-label="Image grid">
          <ErrorBoundary panel="image grid">{hasIds ? <ThumbGrid /> : <GridEmpty />}</ErrorBoundary>
          <ToastHost area="browser" />
        </section>
        {jobsOpen && (
          <ErrorBoundary panel="jobs">
            <Suspense fallback={null}>
              <JobsPanel />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
