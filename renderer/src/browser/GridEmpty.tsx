import { useBrowser } from '../stores/browserStore';
import { isActive, useJobs } from '../stores/jobsStore';
import { useUi } from '../stores/uiStore';

/** What the grid says instead of going blank: loading, an empty project, or a filter that matches nothing. */
export function GridEmpty() {
  const loaded = useBrowser((s) => s.loaded);
  const filtered = useBrowser((s) => Object.keys(s.filter).length > 0);
  const clearFilter = useBrowser((s) => s.clearFilter);
  const setUi = useUi((s) => s.set);
  const importing = useJobs((s) => s.jobs.some((j) => j.kind === 'import' && isActive(j)));
  if (!loaded) return <div className="empty">Loading the image list…</div>;
  if (filtered) {
    return (
      <div className="empty" data-testid="grid-empty">
        <p>No image matches these filters.</p>
        <button type="button" className="btn" onClick={clearFilter}>
          Clear the filters
        </button>
      </div>
    );
  }
  if (importing) {
    return (
      <div className="empty" data-testid="grid-empty">
        <p>Importing… the images appear here as they are added.</p>
        <p className="muted">Progress is in the jobs panel (J) and the status bar.</p>
      </div>
    );
  }
  return (
    <div className="empty" data-testid="grid-empty">
      <p>This project has no images yet.</p>
      <p className="muted">Images are referenced where they are, not copied.</p>
      <button type="button" className="btn btn--primary" onClick={() => setUi({ importOpen: true })}>
        Import a dataset… (I)
      </button>
    </div>
  );
}
