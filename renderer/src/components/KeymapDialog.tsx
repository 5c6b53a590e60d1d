import { useState, type KeyboardEvent } from 'react';
import { chordOf, displayChord } from '../keys/chord';
import { scopeTitle, type Binding, type Scope } from '../keys/keymap';
import { useKeymap } from '../keys/keymapStore';
import { Dialog } from './Dialog';

const order: Scope[] = ['viewer', 'review', 'browser', 'global', 'history', 'folders', 'dialog'];
const MODIFIERS = ['Control', 'Shift', 'Alt', 'Meta'];

type Capture = { scope: Scope; action: string };

/** Settings: every key of the one table, changed by pressing the new one; conflicts are refused by name. */
export function KeymapDialog({ onClose }: { onClose(): void }) {
  const keymap = useKeymap((s) => s.keymap);
  const overrides = useKeymap((s) => s.overrides);
  const { setKeys, reset } = useKeymap.getState();
  const [capture, setCapture] = useState<Capture | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);

  const onCaptureKey = (event: KeyboardEvent, binding: Binding) => {
    if (!capture) return;
    event.preventDefault();
    event.stopPropagation();
    if (MODIFIERS.includes(event.key)) return;
    if (event.key === 'Escape') {
      setCapture(null);
      setMessage(null);
      return;
    }
    const chord = chordOf(event.nativeEvent);
    const result = setKeys(binding.scope, binding.action, [chord]);
    setMessage(
      result.ok
        ? { tone: 'info', text: `“${binding.label}” is now ${displayChord(chord)}.` }
        : { tone: 'error', text: result.message },
    );
    if (result.ok) setCapture(null);
  };

  return (
    <Dialog
      title="Keys"
      onClose={() => (capture ? setCapture(null) : onClose())}
      size="sheet"
      testId="keymap-dialog"
    >
      <div className="dialog__body keymap">
        <p className="muted">
          Choose “change”, then press the new key (Esc keeps the old one). Stored in this browser. A key
          already used where it would also be live is refused.
        </p>
        {message && (
          <p
            className={`keymap__message is-${message.tone}`}
            role={message.tone === 'error' ? 'alert' : 'status'}
            data-testid="keymap-message"
          >
            {message.text}
          </p>
        )}
        {order.map((scope) => (
          <section key={scope} className="shortcuts__group">
            <h3 className="shortcuts__title">{scopeTitle[scope]}</h3>
            {keymap
              .filter((b) => b.scope === scope)
              .map((b) => {
                const capturing = capture?.scope === b.scope && capture.action === b.action;
                const changed = Boolean(overrides[`${b.scope}:${b.action}`]);
                return (
                  <div
                    key={b.action}
                    className={`keymap__row${capturing ? ' is-capturing' : ''}`}
                    data-testid="keymap-row"
                    data-action={`${b.scope}:${b.action}`}
                  >
                    <span className="keymap__label">{b.label}</span>
                    <span className="keymap__keys">
                      {b.keys.map((k) => (
                        <kbd key={k}>{displayChord(k)}</kbd>
                      ))}
                      {changed && <span className="tag">changed</span>}
                    </span>
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => {
                        setCapture({ scope: b.scope, action: b.action });
                        setMessage(null);
                      }}
                      onKeyDown={(e) => onCaptureKey(e, b)}
                      data-testid="keymap-change"
                    >
                      {capturing ? 'press a key…' : 'change'}
                    </button>
                  </div>
                );
              })}
          </section>
        ))}
      </div>
      <div className="dialog__foot">
        <button
          type="button"
          className="btn"
          onClick={() => {
            reset();
            setMessage({ tone: 'info', text: 'All keys are back to the shipped ones.' });
          }}
        >
          Reset all keys
        </button>
        <button type="button" className="btn btn--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
