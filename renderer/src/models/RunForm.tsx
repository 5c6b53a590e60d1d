import type { ModelPackInfo } from '../../../electron/contract/api-inference';
import { formatCount } from '../lib/format';
import { useBrowser } from '../stores/browserStore';
import { useProject } from '../stores/projectStore';
import { useModels } from './modelsStore';
import { choiceLabel, providerChoices } from './providerText';
import { scopeAvailable, type ProviderChoice, type RunScope } from './runRequest';

/** Which images, on which provider, and whether to redo images this version already predicted. */
export function RunForm({ pack }: { pack: ModelPackInfo }) {
  const { context, scope, provider, force, busy, set, run } = useModels();
  const filtered = useBrowser((s) => s.total);
  const total = useProject((s) => s.project?.sampleCount ?? 0);
  const scopes: { scope: RunScope; label: string }[] = [
    {
      scope: 'selection',
      label: context.selected.length ? 'The selected image' : 'The selected image (none selected)',
    },
    {
      scope: 'filter',
      label: scopeAvailable('filter', context)
        ? `The current filter (${formatCount(filtered)} images)`
        : 'The current filter (none set)',
    },
    { scope: 'project', label: `The whole project (${formatCount(total)} images)` },
  ];
  return (
    <form
      className="run"
      aria-label="Run the pack"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy === null) void run();
      }}
    >
      <fieldset className="run__scope">
        <legend className="field__label">Run on</legend>
        {scopes.map((s) => (
          <label key={s.scope} className="check">
            <input
              type="radio"
              name="models-scope"
              checked={scope === s.scope}
              disabled={!scopeAvailable(s.scope, context)}
              onChange={() => set({ scope: s.scope })}
              data-testid={`run-scope-${s.scope}`}
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="run__row">
        <label className="field">
          <span className="field__label">Execution provider</span>
          <select
            className="input"
            value={provider}
            onChange={(e) => set({ provider: e.target.value as ProviderChoice })}
            data-testid="run-provider"
          >
            {providerChoices.map((c) => (
              <option key={c} value={c}>
                {choiceLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="check run__force">
          <input
            type="checkbox"
            checked={force}
            onChange={(e) => set({ force: e.target.checked })}
            data-testid="run-force"
          />
          <span>
            Force re-run <span className="muted">(also images this version already predicted)</span>
          </span>
        </label>
        <button
          type="submit"
          className="btn btn--primary"
          disabled={busy !== null || pack.problem !== null}
          data-testid="run-start"
        >
          Run {pack.name}
        </button>
      </div>
    </form>
  );
}
