import { ToastHost } from '../components/ToastHost';
import { useJobs } from '../stores/jobsStore';
import { useUi } from '../stores/uiStore';
import { JobRow } from './JobRow';

export function JobsPanel() {
  const jobs = useJobs((s) => s.jobs);
  const setUi = useUi((s) => s.set);
  return (
    <aside className="jobs" aria-label="Jobs" data-testid="jobs-panel">
      <div className="jobs__head">
        <h2 className="section-title">Jobs</h2>
        <button
          type="button"
          className="icon-btn"
          aria-label="Close the jobs panel"
          onClick={() => setUi({ jobsOpen: false })}
        >
          ×
        </button>
      </div>
      {jobs.length === 0 && (
        <p className="muted jobs__empty">No jobs yet. Imports and other long work show up here.</p>
      )}
      <ul className="jobs__list">
        {jobs.map((job) => (
          <JobRow key={job.id} job={job} />
        ))}
      </ul>
      <ToastHost area="jobs" />
    </aside>
  );
}
