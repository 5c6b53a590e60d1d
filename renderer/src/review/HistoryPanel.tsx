import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryEntry } from '../../../electron/contract/review';
import { actionFor } from '../keys/dispatcher';
import { call } from '../lib/call';
import { useLabels } from '../stores/labelStore';
import { useUi } from '../stores/uiStore';

const time = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** The image's revisions, newest first; ↑ ↓ walk them, Enter restores the state after one. */
export function HistoryPanel() {
  const state = useLabels((s) => s.state);
  const restore = useLabels((s) => s.restore);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const sampleId = state?.sampleId ?? null;
  const revision = state?.revision ?? 0;

  useEffect(() => {
    if (sampleId === null) return;
    let live = true;
    void call('viewer', 'labels:history', { sampleId }, 'Cannot read the history of this image').then(
      (value) => {
        if (!live || !value) return;
        setEntries(value);
        setActive(0);
      },
    );
    return () => {
      live = false;
    };
  }, [sampleId, revision]);
  useEffect(() => {
    list.current?.focus();
  }, [sampleId]);

  const pick = (index: number) => {
    const entry = entries[index];
    if (entry) void restore(entry.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      useUi.getState().set({ historyOpen: false });
      return;
    }
    const action = actionFor('history', event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action === 'up') setActive((a) => Math.max(0, a - 1));
    if (action === 'down') setActive((a) => Math.min(entries.length - 1, a + 1));
    if (action === 'restore') pick(active);
  };
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <aside className="history" aria-label="History" data-testid="history-panel">
      <div className="history__head">
        <h2 className="section-title">History</h2>
        <button
          type="button"
          className="icon-btn"
          aria-label="Close the history"
          onClick={() => useUi.getState().set({ historyOpen: false })}
        >
          ×
        </button>
      </div>
      <p className="hint">↑ ↓ choose · Enter restores the state after it (as a new revision you can undo)</p>
      <ul
        ref={list}
        className="history__list"
        role="listbox"
        tabIndex={0}
        aria-label="Revisions, newest first"
        onKeyDown={onKeyDown}
      >
        {entries.map((entry, i) => (
          <li
            key={entry.id}
            role="option"
            aria-selected={i === active}
            className={`history__item${i === active ? ' is-active' : ''}${entry.undone ? ' is-undone' : ''}`}
            onClick={() => setActive(i)}
            onDoubleClick={() => pick(i)}
            data-testid="history-item"
            data-revision={entry.id}
          >
            <span className="history__summary">{entry.summary}</span>
            <span className="history__meta">
              #{entry.id} · {time(entry.at)} · {entry.author}
              {entry.undone && ' · undone'}
              {entry.predictionId !== null && ' · from prediction'}
            </span>
          </li>
        ))}
        {entries.length === 0 && <li className="muted">No revision yet.</li>}
      </ul>
    </aside>
  );
}
