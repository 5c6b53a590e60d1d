import { useState, type KeyboardEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { useTypesWithKeys } from '../stores/taxonomyStore';
import { retypeTo } from '../viewer/reviewActions';

/** T: every defect type, filtered as you type; ↑ ↓ pick, Enter sets it, Esc closes. */
export function TypePicker({ onClose }: { onClose(): void }) {
  const types = useTypesWithKeys();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = types.filter((t) => t.name.toLowerCase().includes(query.trim().toLowerCase()));
  const pick = (name: string | undefined) => {
    if (!name) return;
    onClose();
    void retypeTo(name);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(shown.length - 1, a + delta)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(shown[active]?.name);
    }
  };
  return (
    <Dialog title="Defect type" onClose={onClose} testId="type-picker">
      <div className="dialog__body picker-list">
        <input
          className="input"
          value={query}
          placeholder="Type to filter…"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-autofocus
          aria-label="Filter the defect types"
        />
        <ul className="picker-list__items" role="listbox" aria-label="Defect types">
          {shown.map((t, i) => (
            <li
              key={t.id}
              role="option"
              aria-selected={i === active}
              className={`picker-list__item${i === active ? ' is-active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(t.name)}
            >
              <span className="chip-swatch" style={{ background: t.color }} aria-hidden />
              <span>{t.name}</span>
              <span className="muted">{t.category}</span>
              {t.key && <kbd>{t.key}</kbd>}
            </li>
          ))}
          {shown.length === 0 && <li className="muted">No type matches “{query}”.</li>}
        </ul>
      </div>
    </Dialog>
  );
}
