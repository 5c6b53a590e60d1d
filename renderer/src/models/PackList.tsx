import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useModels } from './modelsStore';
import { kindText, packTitle } from './packText';

/** The project's packs as a list box (arrow keys move), and the two ways to add one. */
export function PackList() {
  const packs = useModels((s) => s.packs);
  const selected = useModels((s) => s.selected);
  const pane = useModels((s) => s.pane);
  const set = useModels((s) => s.set);
  const list = useRef<HTMLUListElement>(null);
  const wasPane = useRef(pane);
  useEffect(() => {
    // Back from an add form (added, or another pack chosen): the keys work the list again.
    if (pane === 'pack' && wasPane.current !== 'pack') list.current?.focus();
    wasPane.current = pane;
  }, [pane]);
  const index = packs?.findIndex((p) => p.packId === selected) ?? -1;

  const choose = (next: number) => {
    const pack = packs?.[next];
    if (!pack) return;
    set({ selected: pack.packId, pane: 'pack', error: null });
    list.current?.children[next]?.scrollIntoView({ block: 'nearest' });
  };
  // Standard list-box keys; the app's own shortcuts stay shadowed while the dialog is open.
  const onKeyDown = (event: KeyboardEvent) => {
    const last = (packs?.length ?? 0) - 1;
    const moves: Record<string, number> = {
      ArrowUp: Math.max(0, index - 1),
      ArrowDown: Math.min(last, index + 1),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose(next);
  };

  return (
    <div className="models__side">
      <ul
        ref={list}
        className="models__list"
        role="listbox"
        tabIndex={0}
        aria-label="Model packs"
        aria-activedescendant={index >= 0 ? `pack-${index}` : undefined}
        onKeyDown={onKeyDown}
        data-autofocus
        data-testid="models-list"
      >
        {packs === null && <li className="models__empty">Reading the model packs…</li>}
        {packs?.length === 0 && <li className="models__empty">No model packs yet. Add one below.</li>}
        {packs?.map((pack, i) => (
          <li
            key={pack.packId}
            id={`pack-${i}`}
            role="option"
            aria-selected={i === index && pane === 'pack'}
            className={`models__row${i === index && pane === 'pack' ? ' is-active' : ''}`}
            onClick={() => choose(i)}
            data-testid="models-row"
            data-pack-id={pack.packId}
          >
            <span className="models__name">{packTitle(pack)}</span>
            <span className="models__kind">{kindText(pack)}</span>
            <span className="models__count">
              {pack.problem ? (
                <span className="models__bad">cannot run</span>
              ) : pack.registered ? (
                `${pack.predictionCount} predicted`
              ) : (
                'ships with the app'
              )}
            </span>
          </li>
        ))}
      </ul>
      <div className="models__adds">
        <button
          type="button"
          className={`btn${pane === 'addFolder' ? ' is-on' : ''}`}
          onClick={() => set({ pane: 'addFolder', error: null })}
          data-testid="models-add-folder"
        >
          Add pack folder…
        </button>
        <button
          type="button"
          className={`btn${pane === 'importOnnx' ? ' is-on' : ''}`}
          onClick={() => set({ pane: 'importOnnx', error: null })}
          data-testid="models-import-onnx"
        >
          Import ONNX…
        </button>
      </div>
    </div>
  );
}
