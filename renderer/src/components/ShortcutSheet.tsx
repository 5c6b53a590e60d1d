import { displayChord } from '../keys/chord';
import { gestures, keymap, scopeTitle, type Scope } from '../keys/keymap';
import { Dialog } from './Dialog';

const order: Scope[] = ['global', 'browser', 'viewer', 'folders', 'dialog'];

/** Built from the keymap table itself, so the sheet can never disagree with the keys. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="sheet" testId="shortcut-sheet">
      <div className="dialog__body shortcuts">
        {order.map((scope) => (
          <section key={scope} className="shortcuts__group">
            <h3 className="shortcuts__title">{scopeTitle[scope]}</h3>
            <dl className="shortcuts__list">
              {keymap
                .filter((b) => b.scope === scope)
                .map((b) => (
                  <div key={b.action} className="shortcuts__row">
                    <dt>
                      {b.keys.map((k) => (
                        <kbd key={k}>{displayChord(k)}</kbd>
                      ))}
                    </dt>
                    <dd>{b.label}</dd>
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
    </Dialog>
  );
}
