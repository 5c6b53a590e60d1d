import { useEffect, useRef } from 'react';
import type { ModelPackInfo } from '../../../electron/contract/api-inference';
import { useModels } from './modelsStore';
import { packTitle } from './packText';

/** Removing a pack is safe for the data, but the user should know what stays and what goes. */
export function RemoveConfirm({ pack, onDone }: { pack: ModelPackInfo; onDone(): void }) {
  const remove = useModels((s) => s.remove);
  const busy = useModels((s) => s.busy);
  const keep = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus, so Enter right after "Remove…" does not remove anything.
  useEffect(() => keep.current?.focus(), []);
  const n = pack.predictionCount;
  return (
    <div className="pack__confirm" role="alertdialog" aria-label="Remove the pack" data-testid="pack-confirm">
      <p>
        Remove <strong>{packTitle(pack)}</strong> from this project? Its {n} prediction{n === 1 ? '' : 's'}{' '}
        {n === 1 ? 'is' : 'are'} kept, and its files stay in <span className="ltr">{pack.dir}</span>.
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onDone} ref={keep}>
          Keep it
        </button>
        <button
          type="button"
          className="btn btn--danger"
          disabled={busy !== null}
          onClick={() => void remove(pack.packId).then(onDone)}
          data-testid="pack-confirm-remove"
        >
          Remove pack
        </button>
      </div>
    </div>
  );
}
