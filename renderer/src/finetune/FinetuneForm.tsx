import { packOptionLabel } from '../evaluation/packLabel';
import { whyNotBase } from './basePacks';
import { stepsOf, useFinetune } from './finetuneStore';

/** The choices of a run: base pack (mau-gpt only; others listed, disabled, with why), steps, smoke. */
export function FinetuneForm() {
  const { packs, form, starting, startError, edit, start, show } = useFinetune();
  const steps = stepsOf(form.steps);
  const choosable = (packs ?? []).some((p) => whyNotBase(p) === null);
  const canStart = !starting && !!form.base && steps !== 'invalid';
  return (
    <form
      className="dialog__body finetune"
      onSubmit={(e) => {
        e.preventDefault();
        if (canStart) void start();
      }}
    >
      <p className="muted finetune__intro">
        The project’s labels, corrections included, are exported as MAU-Set; the recipe trains the AMoE-LoRA
        adapter of the base pack on them, registers the new pack here and scores both on the held-out (test
        split) images.
      </p>
      <label className="field">
        <span className="field__label">Base pack</span>
        <select
          className="input"
          value={form.base}
          onChange={(e) => edit({ base: e.target.value })}
          disabled={packs === null}
          data-autofocus
          data-testid="finetune-base"
        >
          {packs === null && <option value="">Loading the packs…</option>}
          {packs !== null && !choosable && <option value="">No mau-gpt pack with a checkpoint</option>}
          {(packs ?? []).map((p) => {
            const why = whyNotBase(p);
            return (
              <option key={p.packId} value={p.packId} disabled={why !== null} title={why ?? p.dir}>
                {packOptionLabel(p)}
                {why ? ` — ${why}` : ''}
              </option>
            );
          })}
        </select>
      </label>
      <div className="finetune__row">
        <label className="field finetune__steps">
          <span className="field__label">Adapter steps</span>
          <input
            className="input"
            inputMode="numeric"
            value={form.steps}
            onChange={(e) => edit({ steps: e.target.value })}
            placeholder={form.smoke ? 'recipe default (12)' : 'recipe default'}
            aria-invalid={steps === 'invalid'}
            data-testid="finetune-steps"
          />
        </label>
        <div className="finetune__checks">
          <label className="check">
            <input
              type="checkbox"
              checked={form.smoke}
              onChange={(e) => edit({ smoke: e.target.checked })}
              data-testid="finetune-smoke"
            />
            Smoke run{' '}
            <span className="muted">(few steps on few images: checks the loop in about a minute)</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.reviewedOnly}
              onChange={(e) => edit({ reviewedOnly: e.target.checked })}
              data-testid="finetune-reviewed"
            />
            Reviewed images only <span className="muted">(OK, NG or corrected by a reviewer)</span>
          </label>
        </div>
      </div>
      {steps === 'invalid' && (
        <p className="finetune__error" role="alert">
          Steps: a whole number from 1 to 1,000,000, or empty for the recipe’s default.
        </p>
      )}
      {startError && (
        <p className="finetune__error" role="alert" data-testid="finetune-start-error">
          {startError}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={() => show(false)}>
          Close
        </button>
        <button type="submit" className="btn btn--primary" disabled={!canStart} data-testid="finetune-start">
          {starting ? 'Starting…' : 'Start fine-tune'}
        </button>
      </div>
    </form>
  );
}
