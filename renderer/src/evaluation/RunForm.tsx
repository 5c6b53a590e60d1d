import { useBrowser } from '../stores/browserStore';
import { formatCount } from '../lib/format';
import { useEvaluation, type Scope } from './evaluationStore';
import { packOptionLabel } from './packLabel';

/** One "Images" radio button: which images the packs are scored on. */
function ScopeChoice({ scope, label, disabled }: { scope: Scope; label: string; disabled?: boolean }) {
  const checked = useEvaluation((s) => s.scope === scope);
  const choose = useEvaluation((s) => s.choose);
  return (
    <label className="check">
      <input
        type="radio"
        name="eval-scope"
        checked={checked}
        disabled={disabled}
        onChange={() => choose({ scope })}
        data-testid={`eval-scope-${scope}`}
      />
      {label}
    </label>
  );
}

/** Which pack (and optionally a second to compare), which images, and Run / Cancel. */
export function RunForm({ running }: { running: boolean }) {
  const { packs, packA, packB, list, choose, run, cancel } = useEvaluation();
  const filtered = useBrowser((s) => s.total);
  const filterActive = useBrowser((s) => Object.keys(s.filter).length > 0);
  if (packs === null) return <p className="muted">Reading the model packs…</p>;
  if (packs.length === 0)
    return (
      <p className="eval__note" data-testid="eval-no-packs">
        No model pack in this project yet. Add one and run it (mau-studio infer, or models:add), then evaluate
        it here.
      </p>
    );
  return (
    <form
      className="card eval-form"
      aria-label="Evaluation settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void run();
      }}
    >
      <label className="field">
        <span className="field__label">Model pack</span>
        <select
          className="input"
          value={packA}
          onChange={(e) => choose({ packA: e.target.value })}
          data-testid="eval-pack-a"
        >
          {packs.map((p) => (
            <option key={p.packId} value={p.packId}>
              {packOptionLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Compare with</span>
        <select
          className="input"
          value={packB}
          onChange={(e) => choose({ packB: e.target.value })}
          data-testid="eval-pack-b"
        >
          <option value="">— no second pack —</option>
          {packs
            .filter((p) => p.packId !== packA)
            .map((p) => (
              <option key={p.packId} value={p.packId}>
                {packOptionLabel(p)}
              </option>
            ))}
        </select>
      </label>
      <fieldset className="eval-form__scope">
        <legend className="field__label">Images</legend>
        <ScopeChoice scope="all" label="All images" />
        <ScopeChoice
          scope="filter"
          disabled={!filterActive}
          label={`Current filter${filterActive ? ` (${formatCount(filtered)} images)` : ' (none set)'}`}
        />
        {list && (
          <ScopeChoice scope="list" label={`The ${formatCount(list.ids.length)} images ${list.label}`} />
        )}
      </fieldset>
      <div className="eval-form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={running || !packA}
          data-testid="eval-run"
        >
          {running ? 'Running…' : 'Run evaluation'}
        </button>
        {running && (
          <button type="button" className="btn" onClick={cancel} data-testid="eval-cancel">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
