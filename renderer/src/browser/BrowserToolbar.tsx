import { ProjectCrumbs } from '../components/ProjectCrumbs';
import { formatCount } from '../lib/format';
import { useBrowser } from '../stores/browserStore';
import { useProject } from '../stores/projectStore';
import { withKey } from '../keys/hint';
import { useState } from 'react';
import { useUi } from '../stores/uiStore';
import { ReviewOptions } from './ReviewOptions';
import { startReview } from '../viewer/navigation';
import { EvaluateButton } from '../evaluation/EvaluateButton';
import { ModelsButton } from '../models/ModelsButton';
import { FinetuneButton } from '../finetune/FinetuneButton';
import { ExportButton } from '../export/ExportButton';

export function BrowserToolbar() {
  const project = useProject((s) => s.project);
  const closeProject = useProject((s) => s.close);
  const shown = useBrowser((s) => s.total);
  const loaded = useBrowser((s) => s.loaded);
  const loading = useBrowser((s) => s.loading);
  const total = useBrowser((s) => s.facets?.projectTotal ?? project?.sampleCount ?? 0);
  const setUi = useUi((s) => s.set);
  const jobsOpen = useUi((s) => s.jobsOpen);
  const [optionsOpen, setOptionsOpen] = useState(false);
  return (
    <header className="toolbar" data-testid="browser-toolbar">
      <ProjectCrumbs place="Dataset" />
      <span className="toolbar__counts" aria-live="polite">
        <span data-testid="count-shown">{loaded ? formatCount(shown) : '…'}</span>
        <span className="muted"> / </span>
        <span data-testid="count-total">{formatCount(total)}</span>
        <span className="muted"> images</span>
        {loading && <span className="muted"> · updating</span>}
      </span>
      <span className="toolbar__spacer" />
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => void startReview()}
        disabled={!shown}
        data-testid="review-button"
        title={withKey(
          'Review the images of this filter, those that need a person most first',
          'review',
          'browser',
        )}
      >
        Review ▸
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setOptionsOpen(true)}
        title="Review queue options: threshold, blind audits"
        aria-label="Review queue options"
        data-testid="review-options-button"
      >
        ⚙
      </button>
      {optionsOpen && <ReviewOptions onClose={() => setOptionsOpen(false)} />}
      <EvaluateButton />
      <ModelsButton />
      <FinetuneButton />
      <ExportButton />
      <button
        type="button"
        className="btn"
        onClick={() => setUi({ importOpen: true })}
        data-testid="import-button"
        title="Import images (I)"
      >
        Import…
      </button>
      <button
        type="button"
        className={`btn${jobsOpen ? ' is-on' : ''}`}
        onClick={() => setUi({ jobsOpen: !jobsOpen })}
        aria-pressed={jobsOpen}
        title="Jobs panel (J)"
        data-testid="jobs-button"
      >
        Jobs
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setUi({ shortcutsOpen: true })}
        title="Keyboard shortcuts (F1 or ?)"
      >
        ?
      </button>
      <button type="button" className="btn" onClick={() => void closeProject()} title="Close this project">
        Close project
      </button>
    </header>
  );
}
