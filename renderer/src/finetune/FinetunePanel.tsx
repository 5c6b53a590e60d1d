import { Dialog } from '../components/Dialog';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { FinetuneForm } from './FinetuneForm';
import { FinetuneProgress } from './FinetuneProgress';
import { FinetuneReportView } from './FinetuneReportView';
import { useFinetune } from './finetuneStore';
import './finetune.css';

/**
 * Fine-tune a mau-gpt pack on the project's labels: the form, then the run's progress, then its
 * report. Closing it leaves a run going (the jobs panel and status bar follow it); reopening shows it.
 */
export function FinetuneDialog() {
  const { run, show, cancel, again, compare } = useFinetune();
  const close = () => show(false);
  // A new key per stage, so the Dialog moves the focus into each stage's first control.
  const stage = !run ? 'form' : run.report ? 'report' : run.error ? 'error' : 'progress';
  return (
    <Dialog key={stage} title="Fine-tune MAU-GPT" onClose={close} size="wide" testId="finetune-dialog">
      <ErrorBoundary panel="fine-tune">
        {!run && <FinetuneForm />}
        {run && stage === 'progress' && <FinetuneProgress run={run} onCancel={cancel} />}
        {run?.report && (
          <FinetuneReportView report={run.report} onCompare={compare} onAgain={again} onClose={close} />
        )}
        {run?.error && (
          <div className="dialog__body finetune">
            <p className="finetune__error" role="alert" data-testid="finetune-error">
              {run.error}
            </p>
            <div className="dialog__actions">
              <button type="button" className="btn" onClick={close}>
                Close
              </button>
              <button type="button" className="btn btn--primary" onClick={again} data-autofocus>
                Back to the settings
              </button>
            </div>
          </div>
        )}
      </ErrorBoundary>
    </Dialog>
  );
}
