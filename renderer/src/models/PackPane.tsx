import { useState } from 'react';
import { PackDetails } from './PackDetails';
import { RemoveConfirm } from './RemoveConfirm';
import { RunForm } from './RunForm';
import { useModels } from './modelsStore';
import { packTitle } from './packText';

/** The selected pack: what it is, run it, or remove it (after a confirmation). */
export function PackPane() {
  const pack = useModels((s) => s.packs?.find((p) => p.packId === s.selected) ?? null);
  const busy = useModels((s) => s.busy);
  const [confirming, setConfirming] = useState<string | null>(null);
  if (!pack) return <p className="muted">Choose a pack on the left, or add one.</p>;
  return (
    <div className="pack" data-testid="pack-pane" data-pack-id={pack.packId}>
      <div className="pack__head">
        <h3 className="pack__title">{packTitle(pack)}</h3>
        {pack.registered && (
          <button
            type="button"
            className="btn btn--small"
            disabled={busy !== null}
            onClick={() => setConfirming(pack.packId)}
            data-testid="pack-remove"
          >
            Remove…
          </button>
        )}
      </div>
      {confirming === pack.packId && <RemoveConfirm pack={pack} onDone={() => setConfirming(null)} />}
      <PackDetails pack={pack} />
      <RunForm pack={pack} />
    </div>
  );
}
