import { displayChord } from '../keys/chord';
import { gestures, scopeTitle, type Binding, type Scope } from '../keys/keymap';
import { useKeymap } from '../keys/keymapStore';
import { useTypesWithKeys } from '../stores/taxonomyStore';
import { useUi } from '../stores/uiStore';
import { Dialog } from './Dialog';

const order: Scope[] = ['global', 'browser', 'viewer', 'review', 'history', 'folders', 'dialog'];

/** The 1–9 rows name the project's own defect types. */
function labelOf(binding: Binding, typeByKey: Map<string, string>): string {
  const match = /^type(\d)$/.exec(binding.action);
  if (!match?.[1]) return binding.label;
  const type = typeByKey.get(match[1]);
  return type ? `Defect type: ${type}` : `Defect type ${match[1]} (not given to a type yet)`;
}

/** Built from the live keymap table itself, so the sheet can never disagree with the keys. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const keymap = useKeymap((s) => s.keymap);
  // the keys of the image on screen: a category's own types come first (keyedTypes)
  const types = useTypesWithKeys();
  const typeByKey = new Map(types.filter((t) => t.key).map((t) => [t.key as string, t.name]));
  // Number keys no defect type has yet are left off (the settings dialog still lists them).
  const unassigned = (b: Binding) =>
    /^type\d$/.test(b.action) && types.length > 0 && !typeByKey.has(b.action.slice(4));
  const openSettings = () => useUi.getState().set({ shortcutsOpen: false, keymapOpen: true });
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="sheet" testId="shortcut-sheet">
      <div className="dialog__body shortcuts">
        {order.map((scope) => (
          <section key={scope} className="shortcuts__group">
            <h3 className="shortcuts__title">{scopeTitle[scope]}</h3>
            <dl className="shortcuts__list">
              {keymap
                .filter((b) => b.scope === scope && !unassigned(b))
                .map((b) => (
                  <div key={b.action} className="shortcuts__row" data-testid="shortcut-row">
                    <dt>
                      {b.keys.map((k) => (
                        <kbd key={k}>{displayChord(k)}</kbd>
                      ))}
                    </dt>
                    <dd>{labelOf(b, typeByKey)}</dd>
                  </div>
                ))}
              {gestures
                .filter((g) => g.scope === scope)
                .map((g) => (
                  <div key={g.gesture} className="shortcuts__row">
                    <dt>
                      <span className="shortcuts__gesture">{g.gesture}</span>
                    </dt>
                    <dd>{g.label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog__foot">
        <button type="button" className="btn" onClick={openSettings} data-testid="open-keymap">
          Change keys…
        </button>
      </div>
    </Dialog>
  );
}
