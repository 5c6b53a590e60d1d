import { Details } from '../components/Details';
import { useModels } from './modelsStore';

/** The dialog's one line of feedback: what is happening, what went wrong (naming the pack), or what was done. */
export function ModelsMessage() {
  const busy = useModels((s) => s.busy);
  const error = useModels((s) => s.error);
  const note = useModels((s) => s.note);
  const dismiss = useModels((s) => s.set);
  if (error)
    return (
      <div className="toast toast--error models__message" role="alert" data-testid="models-error">
        <div className="toast__head">
          <span className="toast__title">{error.title}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss"
            onClick={() => dismiss({ error: null })}
          >
            ×
          </button>
        </div>
        <div className="toast__message">{error.message}</div>
        <Details lines={error.details} />
      </div>
    );
  if (busy)
    return (
      <p className="muted models__status" role="status">
        {busy}
      </p>
    );
  if (note)
    return (
      <p className="models__status" role="status" data-testid="models-note">
        {note}
      </p>
    );
  return null;
}
