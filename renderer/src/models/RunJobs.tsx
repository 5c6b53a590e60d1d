import { JobRow } from '../importer/JobRow';
import { useJobs } from '../stores/jobsStore';
import { useUi } from '../stores/uiStore';
import { useModels } from './modelsStore';

/** The runs started here (progress, ETA, cancel: the jobs panel's own rows) and runs to resume. */
export function RunJobs() {
  const runs = useModels((s) => s.runs);
  const resumable = useModels((s) => s.resumable);
  const resume = useModels((s) => s.resume);
  const busy = useModels((s) => s.busy);
  const jobs = useJobs((s) => s.jobs);
  const setUi = useUi((s) => s.set);
  const started = runs.map((id) => jobs.find((j) => j.id === id)).filter((j) => j !== undefined);
  // The server knows what can be resumed; a run cancelled here is one of them.
  const toResume = resumable;
  if (started.length === 0 && toResume.length === 0) return null;
  return (
    <section className="models__jobs" aria-label="Inference runs">
      {started.length > 0 && (
        <>
          <div className="models__jobs-head">
            <h3 className="section-title">Runs started here</h3>
            <button type="button" className="link" onClick={() => setUi({ jobsOpen: true })}>
              show all jobs (J)
            </button>
          </div>
          <ul className="jobs__list" data-testid="models-runs">
            {started.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </ul>
        </>
      )}
      {toResume.length > 0 && (
        <>
          <h3 className="section-title">Interrupted runs</h3>
          <ul className="models__resumable" data-testid="models-resumable">
            {toResume.map((job) => (
              <li key={job.id} className="models__resume-row">
                <span className="models__resume-title">{job.title}</span>
                <span className="muted">
                  {job.state} · {job.done}/{job.total || '?'} done
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={busy !== null}
                  onClick={() => void resume(job.id)}
                  data-testid="models-resume"
                >
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
