import { useEffect, useRef, useState } from 'react';
import { useKeys } from '../keys/useKeys';
import { useBrowser } from '../stores/browserStore';

const TYPING_MS = 250;

export function SearchBox() {
  const applied = useBrowser((s) => s.filter.search ?? '');
  const setSearch = useBrowser((s) => s.setSearch);
  const [text, setText] = useState(applied);
  // The filter can change elsewhere (Clear): follow it unless it is just our own text, trimmed.
  const [seen, setSeen] = useState(applied);
  if (applied !== seen) {
    setSeen(applied);
    if (applied !== text.trim()) setText(applied);
  }
  const input = useRef<HTMLInputElement>(null);
  useKeys('browser', { search: () => input.current?.focus() });

  useEffect(() => {
    if (text === applied) return;
    const timer = setTimeout(() => setSearch(text.trim()), TYPING_MS);
    return () => clearTimeout(timer);
  }, [text, applied, setSearch]);

  return (
    <input
      ref={input}
      className="input search"
      type="search"
      placeholder="Search paths  ( / )"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
      aria-label="Search file paths"
      data-testid="filter-search"
    />
  );
}
