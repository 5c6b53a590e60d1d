import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DirListing } from '../../../electron/contract';
import { actionFor } from '../keys/dispatcher';
import { joinPath } from '../lib/format';
import { api } from '../transport/current';
import { useDirListing } from './useDirListing';

type Props = {
  /** The path field this browser serves; typing there moves the browser too. */
  path: string;
  onPath(path: string): void;
  /** Enter / double-click on a folder: return true when handled (e.g. a project was opened). */
  onActivate?(path: string, isProject: boolean): boolean;
  testId?: string;
};

const FOLLOW_TYPING_MS = 300;
const MAX_ROWS = 2000;

/** Finds the folder to show for a typed path: the path itself, else its parent. */
async function folderFor(path: string): Promise<DirListing | null> {
  const direct = await api()['fs:list']({ dir: path });
  if (direct.ok) return direct.value;
  const parent = path.replace(/[\\/][^\\/]*[\\/]?$/, '');
  if (!parent || parent === path) return null;
  const up = await api()['fs:list']({ dir: parent });
  return up.ok ? up.value : null;
}

export function DirectoryBrowser({ path, onPath, onActivate, testId }: Props) {
  const [cwd, setCwd] = useState(path);
  const [active, setActive] = useState(0);
  const emitted = useRef(path);
  const list = useRef<HTMLUListElement>(null);
  const { listing, error, loading } = useDirListing(cwd);
  const dirs = (listing?.entries ?? []).filter((e) => e.kind === 'dir');
  const files = (listing?.entries.length ?? 0) - dirs.length;

  useEffect(() => {
    if (path === emitted.current || !path) return;
    const timer = setTimeout(() => {
      void folderFor(path).then((found) => found && setCwd(found.dir));
    }, FOLLOW_TYPING_MS);
    return () => clearTimeout(timer);
  }, [path]);

  const [shownDir, setShownDir] = useState(listing?.dir);
  if (listing?.dir !== shownDir) {
    setShownDir(listing?.dir);
    setActive(0);
  }

  const emit = (next: string) => {
    emitted.current = next;
    onPath(next);
  };
  const go = (dir: string) => {
    setCwd(dir);
    emit(dir);
  };
  const childPath = (name: string) => joinPath(listing?.dir ?? cwd, name);
  const activate = (index: number) => {
    const entry = dirs[index];
    if (!entry) return;
    const target = childPath(entry.name);
    if (!onActivate?.(target, entry.isProject)) go(target);
  };
  const highlight = (index: number) => {
    const entry = dirs[index];
    if (!entry) return;
    setActive(index);
    emit(childPath(entry.name));
    list.current?.children[index]?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const action = actionFor('folders', event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action === 'up') highlight(Math.max(0, active - 1));
    if (action === 'down') highlight(Math.min(dirs.length - 1, active + 1));
    if (action === 'enter') activate(active);
    if (action === 'parent' && listing?.parent) go(listing.parent);
  };

  return (
    <div className="dirs" data-testid={testId}>
      <div className="dirs__bar">
        <button
          type="button"
          className="btn btn--small"
          disabled={!listing?.parent}
          onClick={() => listing?.parent && go(listing.parent)}
          title="Parent folder (Backspace in the list)"
          tabIndex={-1}
        >
          ↑ Up
        </button>
        <span className="dirs__cwd" title={listing?.dir}>
          <span className="ltr">{listing?.dir ?? cwd}</span>
        </span>
        {loading && <span className="dirs__busy">…</span>}
      </div>
      {error && <div className="dirs__error">Cannot read this folder: {error}</div>}
      <ul
        ref={list}
        className="dirs__list"
        role="listbox"
        tabIndex={0}
        aria-label="Folders"
        aria-activedescendant={dirs[active] ? `dir-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        {dirs.slice(0, MAX_ROWS).map((entry, index) => (
          <li
            key={entry.name}
            id={`dir-${index}`}
            role="option"
            aria-selected={index === active}
            className={`dirs__row${index === active ? ' is-active' : ''}`}
            onClick={() => highlight(index)}
            onDoubleClick={() => activate(index)}
          >
            <span className="dirs__icon" aria-hidden>
              {entry.isProject ? '◆' : '▸'}
            </span>
            <span className="dirs__name">{entry.name}</span>
            {entry.isProject && <span className="tag">project</span>}
          </li>
        ))}
        {listing && dirs.length === 0 && <li className="dirs__empty">No folders here</li>}
      </ul>
      <div className="dirs__foot">
        {dirs.length} folder{dirs.length === 1 ? '' : 's'}
        {files > 0 && ` · ${files} file${files === 1 ? '' : 's'}`}
        {dirs.length > MAX_ROWS && ` · first ${MAX_ROWS} shown`}
      </div>
    </div>
  );
}
