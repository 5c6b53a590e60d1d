import { useEffect, useRef } from 'react';
import type { ExportReport } from '../../../electron/contract/api-exchange';
import { EXPORT_FORMAT_NAMES } from '../../../electron/contract/api-exchange';
import { JobRow } from '../importer/JobRow';
import { formatCount } from '../lib/format';
import { useJobs } from '../stores/jobsStore';
import { useExport } from './exportStore';
import { groupNotes } from './noteGroups';

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the format could not hold, once per reason, with the first files it names. */
function NoteList({ report }: { report: ExportReport }) {
  const groups = groupNotes(report.notRepresentable);
  if (!groups.length)
    return (
      <p className="muted">
        Nothing was lost: {EXPORT_FORMAT_NAMES[report.format]} holds every label exported.
      </p>
    );
  return (
    <section aria-label="What the format could not hold">
      <h3 className="export-report__title">
        What {EXPORT_FORMAT_NAMES[report.format]} could not hold, or held approximately
      </h3>
      <ul className="export-notes" data-testid="export-notes">
        {groups.map((g) => (
          <li key={`${g.wholeExport}-${g.reason}`} className="export-note">
            <span className="export-note__reason">{g.reason}</span>
            {!g.wholeExport && (
              <span className="muted export-note__files">
                {plural(g.count, 'time')}: {g.files.join(', ')}
                {g.count > g.files.length && ', …'}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">Every note, image by image, is in export-report.json in the folder.</p>
    </section>
  );
}

function ReportView({ report }: { report: ExportReport }) {
  // The report lands under the form, below the fold on a laptop screen: bring it into view.
  // (A block body: Chromium's scrollIntoView now returns a promise, which React would take
  // for the effect's cleanup and call.)
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void box.current?.scrollIntoView({ block: 'nearest' });
  }, [report]);
  return (
    <div ref={box} className="card export-report" data-testid="export-report">
      <p className="export-report__done">
        Exported {plural(report.exported, 'image')} with {plural(report.regions, 'region')} as{' '}
        {EXPORT_FORMAT_NAMES[report.format]} in {(report.elapsedMs / 1000).toFixed(1)} s
        {report.skipped > 0 && <strong> · {plural(report.skipped, 'image')} skipped</strong>}
      </p>
      <p className="export-report__folder">
        <span className="muted">Folder </span>
        <code className="export-report__path" data-testid="export-report-folder">
          {report.outDir}
        </code>
      </p>
      <NoteList report={report} />
    </div>
  );
}

/** The export under way (its job, with Cancel and problems), then its report. */
export function ExportResult() {
  const run = useExport((s) => s.run);
  const job = useJobs((s) => s.jobs.find((j) => j.id === run?.jobId));
  if (!run) return null;
  return (
    <section className="export-result" aria-live="polite" data-testid="export-result">
      {job && !run.report && (
        <ul className="jobs__list">
          <JobRow job={job} />
        </ul>
      )}
      {run.error && run.jobId && (
        <p className="eval__error" role="alert" data-testid="export-error">
          {EXPORT_FORMAT_NAMES[run.format]} to {run.outDir}: {run.error}
        </p>
      )}
      {run.report && <ReportView report={run.report} />}
    </section>
  );
}
